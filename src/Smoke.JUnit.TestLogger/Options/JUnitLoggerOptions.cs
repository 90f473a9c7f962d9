using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Smoke.JUnit.TestLogger.Options;

/// <summary>The logger's parameters, as given by <c>--logger "junit;Name=Value;..."</c>, checked.</summary>
/// <param name="LogFilePath">Where to write the report; wins over <paramref name="LogFileName"/>.</param>
/// <param name="LogFileName">The report's file name inside <paramref name="ResultsDirectory"/>.</param>
/// <param name="ResultsDirectory">The test run's results directory (<c>--results-directory</c>).</param>
/// <param name="TargetFramework">The framework the tests ran on, as VSTest names it (<c>.NETCoreApp,Version=v10.0</c>).</param>
internal sealed record JUnitLoggerOptions(
    string? LogFilePath,
    string? LogFileName,
    string ResultsDirectory,
    string? TargetFramework,
    MethodFormat MethodFormat,
    FailureBodyFormat FailureBodyFormat)
{
    internal const string LogFilePathParameter = "LogFilePath";
    internal const string LogFileNameParameter = "LogFileName";
    internal const string MethodFormatParameter = "MethodFormat";
    internal const string FailureBodyFormatParameter = "FailureBodyFormat";

    /// <summary>The file name used when neither LogFilePath nor LogFileName is given: one file per assembly.</summary>
    internal const string DefaultLogFileName = "{assembly}.junit.xml";

    /// <exception cref="ArgumentException">A parameter has a value the logger cannot use.</exception>
    public static JUnitLoggerOptions FromParameters(IReadOnlyDictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var byName = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            byName[name] = value;
        }

        var resultsDirectory = Value(byName, DefaultLoggerParameterNames.TestRunDirectory);
        return new JUnitLoggerOptions(
            LogFilePath: NonEmpty(byName, LogFilePathParameter),
            LogFileName: NonEmpty(byName, LogFileNameParameter),
            ResultsDirectory: string.IsNullOrWhiteSpace(resultsDirectory)
                ? Path.Combine(Directory.GetCurrentDirectory(), "TestResults")
                : resultsDirectory,
            TargetFramework: Value(byName, DefaultLoggerParameterNames.TargetFramework),
            MethodFormat: Choice<MethodFormat>(byName, MethodFormatParameter),
            FailureBodyFormat: Choice<FailureBodyFormat>(byName, FailureBodyFormatParameter));
    }

    private static string? Value(Dictionary<string, string?> byName, string name) =>
        byName.TryGetValue(name, out var value) ? value : null;

    private static string? NonEmpty(Dictionary<string, string?> byName, string name)
    {
        if (!byName.TryGetValue(name, out var value))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"junit logger: parameter {name} is empty; give it a path (e.g. \"junit;{name}=results/{{assembly}}.xml\") or leave it out.");
        }

        return value;
    }

    private static TChoice Choice<TChoice>(Dictionary<string, string?> byName, string name)
        where TChoice : struct, Enum
    {
        var value = Value(byName, name);
        if (value is null)
        {
            return default;
        }

        // Enum.TryParse would also accept numbers ("MethodFormat=2"); only the names are part of the contract.
        foreach (var choice in Enum.GetValues<TChoice>())
        {
            if (string.Equals(choice.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        throw new ArgumentException(
            $"junit logger: parameter {name} has the value \"{value}\", which is not one of {string.Join(", ", Enum.GetNames<TChoice>())}; "
            + $"use e.g. \"junit;{name}={Enum.GetNames<TChoice>()[^1]}\" or leave it out for {default(TChoice)}.");
    }
}
