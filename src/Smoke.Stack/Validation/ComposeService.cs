using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>One entry under <c>services:</c>, with merge keys applied.</summary>
internal sealed record ComposeService(string Name, YamlScalarNode NameNode, MergedMapping Definition);
