using Smoke.Processes;

namespace Smoke.Testing.Running;

/// <summary>
/// Runs <c>dotnet</c> for the runner: quietly, output kept per process, with the smoke environment. The program is
/// <c>SMOKE_DOTNET</c> when set (build.sh and build.ps1 export the SDK they found there), else <c>dotnet</c> on PATH.
/// </summary>
internal sealed class DotnetCli
{
    // What MSBuild and VSTest tell their own children; a nested build or test run must find its own.
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "VSTEST", "TESTINGPLATFORM"];

    private readonly Dictionary<string, string?> _environment;

    public DotnetCli(IReadOnlyDictionary<string, string> environment, bool useBuildServers)
        : this(environment, useBuildServers, System.Environment.GetEnvironmentVariable)
    {
    }

    /// <param name="variable">Reads this process's environment; tests hand in their own.</param>
    internal DotnetCli(IReadOnlyDictionary<string, string> environment, bool useBuildServers, Func<string, string?> variable)
    {
        Program = variable("SMOKE_DOTNET") is { Length: > 0 } path ? path : "dotnet";
        _environment = System.Environment.GetEnvironmentVariables().Keys
            .Cast<string>()
            .Where(name => InheritedPrefixesToDrop.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
        _environment["DOTNET_NOLOGO"] = "1";
        _environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (!useBuildServers)
        {
            _environment["MSBUILDDISABLENODEREUSE"] = "1";
            _environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        }

        foreach (var (name, value) in environment)
        {
            _environment[name] = value;
        }
    }

    /// <summary>The dotnet this runs: <c>SMOKE_DOTNET</c>, or <c>dotnet</c> on PATH.</summary>
    public string Program { get; }

    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(
            Program,
            arguments,
            new ProcessOptions
            {
                WorkingDirectory = workingDirectory,
                Environment = _environment,
                InstallHint = "the .NET 10 SDK (https://dot.net), or set SMOKE_DOTNET to the dotnet to use",
            },
            cancellationToken);
}
