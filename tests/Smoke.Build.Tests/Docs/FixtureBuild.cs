using Smoke.Pipeline;

namespace Smoke.Build.Tests.Docs;

/// <summary>A small build whose generated reference pages the tests can predict.</summary>
internal sealed class FixtureBuild : PipelineBuild
{
    [Parameter("How long to wait for <service> readiness")]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(90);

    [Parameter("Builds at once", DefaultText = "the core count")]
    public int Workers { get; set; } = Environment.ProcessorCount;

    [Parameter("Token for the registry")]
    [Secret]
    public string? RegistryToken { get; set; } = "default-token-value";

    Target Restore => _ => _.Description("Restore packages");

    Target Compile => _ => _
        .Description("Compile | everything")
        .DependsOn(Restore);

    Target Cleanup => _ => _
        .Description("Tear down")
        .TriggeredBy(Compile)
        .AssuredAfterFailure()
        .Unlisted();
}
