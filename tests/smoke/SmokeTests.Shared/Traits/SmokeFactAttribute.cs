using Xunit;
using Xunit.Sdk;

namespace SmokeTests.Shared;

/// <summary>
/// A smoke test: an xunit fact that carries the <c>Level</c>, <c>Critical</c> and <c>Category</c>
/// traits, so that <c>dotnet test --filter "Level=1|Critical=true"</c> selects it and the JUnit
/// report lists them as properties.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("SmokeTests.Shared.SmokeFactDiscoverer", "SmokeTests.Shared")]
[TraitDiscoverer("SmokeTests.Shared.SmokeTraitDiscoverer", "SmokeTests.Shared")]
public sealed class SmokeFactAttribute : FactAttribute, ITraitAttribute
{
    /// <summary>1 configuration and infrastructure, 2 health, 3 critical paths, 4 workflows.</summary>
    public required int Level { get; set; }

    /// <summary>A critical test runs in quick mode too, and its failure fails the release.</summary>
    public bool Critical { get; set; }

    /// <summary>The area the test covers, e.g. <c>database</c> or <c>jobs</c>; <c>--only</c> selects by it.</summary>
    public required string Category { get; set; }
}
