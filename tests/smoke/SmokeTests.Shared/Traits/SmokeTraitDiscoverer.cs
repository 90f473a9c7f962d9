using Xunit.Abstractions;
using Xunit.Sdk;

namespace SmokeTests.Shared;

/// <summary>Turns <see cref="SmokeFactAttribute"/> and <see cref="SmokeTheoryAttribute"/> into plain xunit traits, which VSTest filters on.</summary>
internal sealed class SmokeTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) => SmokeTraits.Of(traitAttribute);
}
