using Smoke.Pipeline;

namespace Smoke.Testing.Running;

/// <summary>Runs <c>dotnet</c> for the runner: quietly, output kept per process, with the smoke environment.</summary>
internal sealed class DotnetCli
{
    // What MSBuild and VSTest tell their own children; a nested build or test run must find its own.
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "VSTEST", "TESTINGPLATFORM"];

    private readonly Dictionary<string, string?> _environment;

    public DotnetCli(IReadOnlyDictionary<string, string> environment, bool useBuildServers)
    {
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

    public Task<ToolResult> RunAsync(IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        Tool.RunAsync("dotnet", arguments, workingDirectory, _environment, quiet: true, allowFailure: true, cancellationToken);
}
