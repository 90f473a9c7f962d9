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
    internal const string StoreConsoleOutputParameter = "StoreConsoleOutput";
    internal const string UseRelativeAttachmentPathParameter = "UseRelativeAttachmentPath";

    /// <summary>The file name used when neither LogFilePath nor LogFileName is given: one file per assembly.</summary>
    internal const string DefaultLogFileName = "{assembly}.junit.xml";

    private static readonly (string Name, ConsoleOutput Value)[] ConsoleOutputChoices =
        [("true", ConsoleOutput.Both), ("false", ConsoleOutput.None), ("testcase", ConsoleOutput.TestCase), ("testsuite", ConsoleOutput.TestSuite)];

    private static readonly (string Name, bool Value)[] BooleanChoices = [("false", false), ("true", true)];

    public ConsoleOutput StoreConsoleOutput { get; init; }

    /// <summary>Attachment paths are written relative to the report's directory (spekt's parameter of the same name).</summary>
    public bool UseRelativeAttachmentPath { get; init; }

    /// <summary>What was wrong with the parameters and what the logger does instead; the logger prints them.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <remarks>
    /// A choice the logger does not know is a warning and the default applies, as in spekt's JunitXml.TestLogger:
    /// a command line written for that logger must not stop a run here.
    /// </remarks>
    /// <exception cref="ArgumentException">A path parameter is empty, so there is no sensible place to write to.</exception>
    public static JUnitLoggerOptions FromParameters(IReadOnlyDictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var byName = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            byName[name] = value;
        }

        var warnings = new List<string>();
        var resultsDirectory = Value(byName, DefaultLoggerParameterNames.TestRunDirectory);
        return new JUnitLoggerOptions(
            LogFilePath: NonEmpty(byName, LogFilePathParameter),
            LogFileName: NonEmpty(byName, LogFileNameParameter),
            ResultsDirectory: string.IsNullOrWhiteSpace(resultsDirectory)
                ? Path.Combine(Directory.GetCurrentDirectory(), "TestResults")
                : resultsDirectory,
            TargetFramework: Value(byName, DefaultLoggerParameterNames.TargetFramework),
            MethodFormat: Choice(byName, MethodFormatParameter, EnumChoices<MethodFormat>(), warnings),
            FailureBodyFormat: Choice(byName, FailureBodyFormatParameter, EnumChoices<FailureBodyFormat>(), warnings))
        {
            StoreConsoleOutput = Choice(byName, StoreConsoleOutputParameter, ConsoleOutputChoices, warnings),
            UseRelativeAttachmentPath = Choice(byName, UseRelativeAttachmentPathParameter, BooleanChoices, warnings),
            Warnings = warnings,
        };
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

    // Enum.TryParse would also accept numbers ("MethodFormat=2"); only the names are part of the contract.
    private static (string Name, TEnum Value)[] EnumChoices<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(value => (value.ToString(), value))];

    /// <summary>The value whose name matches, ignoring case; the first choice, with a warning, for anything else.</summary>
    private static TChoice Choice<TChoice>(Dictionary<string, string?> byName, string name, (string Name, TChoice Value)[] choices, List<string> warnings)
    {
        var value = Value(byName, name);
        if (value is null)
        {
            return choices[0].Value;
        }

        foreach (var choice in choices)
        {
            if (string.Equals(choice.Name, value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return choice.Value;
            }
        }

        warnings.Add(
            $"junit logger: parameter {name} has the value \"{value}\", which is not one of {string.Join(", ", choices.Select(c => c.Name))}; "
            + $"using the default, {choices[0].Name}.");
        return choices[0].Value;
    }
}
