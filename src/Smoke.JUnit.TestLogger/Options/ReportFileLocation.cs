namespace Smoke.JUnit.TestLogger.Options;

/// <summary>Where the report of one test run goes, with the <c>{assembly}</c> and <c>{framework}</c> tokens filled in.</summary>
internal static class ReportFileLocation
{
    internal const string AssemblyToken = "{assembly}";
    internal const string FrameworkToken = "{framework}";

    /// <param name="options">The logger's parameters.</param>
    /// <param name="assemblyName">The test assembly's name without its extension (<c>Sample.Tests</c>).</param>
    public static string Resolve(JUnitLoggerOptions options, string assemblyName)
    {
        ArgumentNullException.ThrowIfNull(options);
        var template = options.LogFilePath
            ?? Path.Combine(options.ResultsDirectory, options.LogFileName ?? JUnitLoggerOptions.DefaultLogFileName);
        var path = template
            .Replace(AssemblyToken, assemblyName, StringComparison.OrdinalIgnoreCase)
            .Replace(FrameworkToken, ShortFrameworkName(options.TargetFramework), StringComparison.OrdinalIgnoreCase);
        return Path.GetFullPath(path);
    }

    /// <summary>Turns VSTest's framework name into the moniker people write in project files.</summary>
    /// <example><c>.NETCoreApp,Version=v10.0</c> gives <c>net10.0</c>; <c>.NETFramework,Version=v4.7.2</c> gives <c>net472</c>.</example>
    public static string ShortFrameworkName(string? frameworkName)
    {
        if (string.IsNullOrWhiteSpace(frameworkName))
        {
            return "unknown-framework";
        }

        var parts = frameworkName.Split(',', StringSplitOptions.TrimEntries);
        var versionPart = parts.FirstOrDefault(p => p.StartsWith("Version=", StringComparison.OrdinalIgnoreCase));
        if (versionPart is null || !Version.TryParse(versionPart["Version=".Length..].TrimStart('v', 'V'), out var version))
        {
            return Sanitize(frameworkName);
        }

        return parts[0].ToUpperInvariant() switch
        {
            ".NETCOREAPP" when version.Major >= 5 => $"net{version.Major}.{version.Minor}",
            ".NETCOREAPP" => $"netcoreapp{version.Major}.{version.Minor}",
            ".NETSTANDARD" => $"netstandard{version.Major}.{version.Minor}",
            ".NETFRAMEWORK" => $"net{version.ToString().Replace(".", string.Empty, StringComparison.Ordinal)}",
            _ => Sanitize(frameworkName),
        };
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(c => invalid.Contains(c) || c == ',' || c == '=' ? '_' : c)]);
    }
}
