namespace Smoke.Pipeline.Tests;

/// <summary>Parameters as the environment sets them: a deploy target that must never come from a bare name, and a token that may.</summary>
internal sealed class EnvironmentBuild : JournaledBuild
{
    [Parameter("Deployment environment", Name = "Environment")]
    public string DeployEnvironment { get; set; } = "none";

    [Parameter("Release to deploy")]
    public string? Release { get; set; }

    [Parameter("Skip the deploy")]
    public bool DryRun { get; set; }

    [Parameter("Services to deploy")]
    public string[] Services { get; set; } = ["all"];

    [Parameter("Token for the registry", UnprefixedVariable = "REGISTRY_TOKEN")]
    [Secret]
    public string? RegistryToken { get; set; }

    public Target Show => _ => _.Executes(() =>
    {
        Journal.Values["Environment"] = DeployEnvironment;
        Journal.Values[nameof(Release)] = Release;
        Journal.Values[nameof(DryRun)] = DryRun;
        Journal.Values[nameof(Services)] = Services;
        Journal.Values[nameof(RegistryToken)] = RegistryToken;
    });
}
