using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>One <c>depends_on</c> entry: <paramref name="Service"/> waits for <paramref name="Target"/>; <paramref name="Node"/> is the entry to point at.</summary>
internal sealed record Dependency(ComposeService Service, string Target, string Condition, YamlNode Node);
