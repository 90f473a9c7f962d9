using Smoke.Processes;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

/// <summary>The runner's dotnet is the one build.sh found (SMOKE_DOTNET), not whatever dotnet is first on PATH.</summary>
public sealed class DotnetCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-dotnet-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task SMOKE_DOTNET_names_the_dotnet_that_runs_with_the_smoke_environment()
    {
        var fake = Path.Combine(_directory, "fake-dotnet");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho \"fake dotnet $*\"\necho \"endpoint $SMOKE_API_URL nologo $DOTNET_NOLOGO\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cli = new DotnetCli(
            new Dictionary<string, string> { ["SMOKE_API_URL"] = "http://127.0.0.1:49153/" },
            useBuildServers: false,
            name => name == "SMOKE_DOTNET" ? fake : null);

        var result = await cli.RunAsync(["test", "--no-build"], _directory, CancellationToken.None);

        Assert.Equal(fake, cli.Program);
        Assert.Equal(["fake dotnet test --no-build", "endpoint http://127.0.0.1:49153/ nologo 1"], result.Output);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_SMOKE_DOTNET_it_is_dotnet_on_PATH(string? value)
    {
        var cli = new DotnetCli(new Dictionary<string, string>(), useBuildServers: true, _ => value);

        Assert.Equal("dotnet", cli.Program);
    }

    [Fact]
    public async Task A_SMOKE_DOTNET_that_does_not_exist_is_named_with_what_to_install()
    {
        var missing = Path.Combine(_directory, "no-dotnet-here");
        var cli = new DotnetCli(new Dictionary<string, string>(), useBuildServers: true, name => name == "SMOKE_DOTNET" ? missing : null);

        var error = await Assert.ThrowsAsync<ExternalProgramNotFoundException>(() => cli.RunAsync(["--version"], _directory, CancellationToken.None));

        Assert.Equal(missing, error.Program);
        Assert.Contains("set SMOKE_DOTNET", error.Message, StringComparison.Ordinal);
    }
}
