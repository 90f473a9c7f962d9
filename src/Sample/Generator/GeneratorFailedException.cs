namespace Sample.Generator;

/// <summary>The generator answered, but not with images.</summary>
internal sealed class GeneratorFailedException(string message) : Exception(message);
