using Xunit.Abstractions;
using Xunit.Sdk;

namespace SmokeTests.Shared;

/// <summary>
/// Discovers <see cref="SmokeFactAttribute"/> tests; one with an impossible level or no category
/// becomes a failing test that says so, rather than a test that quick mode silently leaves out.
/// </summary>
internal sealed class SmokeFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        SmokeTraits.Problem(factAttribute, testMethod) is { } problem
            ? [new ExecutionErrorTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, problem)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
