namespace Smoke.Pipeline;

/// <summary>The parameter's value is masked (<c>***</c>) in every line the engine writes, and never read from a parameters file.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
