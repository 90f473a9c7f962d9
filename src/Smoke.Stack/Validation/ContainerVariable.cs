using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>One <c>environment:</c> entry of a service after substitution, with the profile variables that fed it.</summary>
internal sealed record ContainerVariable(string Key, string? Value, IReadOnlyList<string> FedBy, YamlNode Node);
