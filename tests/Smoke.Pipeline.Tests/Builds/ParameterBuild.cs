namespace Smoke.Pipeline.Tests;

internal enum Configuration
{
    Debug,
    Release,
}

internal sealed class ParameterBuild : JournaledBuild
{
    [Parameter("Set by every source")]
    public string Everywhere { get; set; } = "default";

    [Parameter("Set by all but the command line")]
    public string NoCommandLine { get; set; } = "default";

    [Parameter("Set by the profiles and parameters.json")]
    public string ProfilesOnly { get; set; } = "default";

    [Parameter("Set by parameters.json only")]
    public string FileOnly { get; set; } = "default";

    [Parameter("Set nowhere")]
    public string Nowhere { get; set; } = "default";

    [Parameter("Build configuration")]
    public Configuration Configuration { get; set; } = Configuration.Debug;

    [Parameter("How often to retry")]
    public int Retries { get; set; } = 1;

    [Parameter("How long to wait for the stack")]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(1);

    [Parameter("Print what would happen")]
    public bool DryRun { get; set; }

    [Parameter("Services to start")]
    public string[] Services { get; set; } = [];

    [Parameter("Region to deploy to")]
    private readonly string region = "local";

    [Parameter("Token for the registry")]
    [Secret]
    public string? ApiToken { get; set; }

    public Target Show => _ => _.Description("Record every parameter").Executes(() =>
    {
        Journal.Values[nameof(Everywhere)] = Everywhere;
        Journal.Values[nameof(NoCommandLine)] = NoCommandLine;
        Journal.Values[nameof(ProfilesOnly)] = ProfilesOnly;
        Journal.Values[nameof(FileOnly)] = FileOnly;
        Journal.Values[nameof(Nowhere)] = Nowhere;
        Journal.Values[nameof(Configuration)] = Configuration;
        Journal.Values[nameof(Retries)] = Retries;
        Journal.Values[nameof(WaitTimeout)] = WaitTimeout;
        Journal.Values[nameof(DryRun)] = DryRun;
        Journal.Values[nameof(Services)] = Services;
        Journal.Values[nameof(Profile)] = Profile;
        Journal.Values["Region"] = region;
    });

    public Target Leak => _ => _.Unlisted().Executes(async () =>
    {
        Log.Info($"token is {ApiToken}");
        Log.Error($"request with {ApiToken} was refused");
        await Tool.RunAsync("sh", ["-c", "echo \"tool says $TOKEN\""], environment: new Dictionary<string, string?> { ["TOKEN"] = ApiToken });
    });

    public Target Gate => _ => _.Unlisted().Requires(() => Retries > 1).Executes(() => Ran(nameof(Gate)));

    public Target Unavailable => _ => _.Unlisted().Requires(() => false, "the stack targets, which are not yet available");

    public Target Deploy => _ => _.Description("Deploy with the token").DependsOn(Show).Requires(() => ApiToken).Executes(() => Ran(nameof(Deploy)));
}
