namespace Smoke.Pipeline;

/// <summary>An option as the user spelled it (for messages) and the values that followed it.</summary>
internal sealed record CommandLineOption(string Given, List<string> Values);
