using Xunit.Abstractions;
using Xunit.Sdk;

namespace SmokeTests.Shared;

/// <summary>Discovers <see cref="SmokeTheoryAttribute"/> tests, failing those whose traits are unusable as <see cref="SmokeFactDiscoverer"/> does.</summary>
internal sealed class SmokeTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        SmokeTraits.Problem(theoryAttribute, testMethod) is { } problem
            ? [new ExecutionErrorTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, problem)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
