using Smoke.Stack.Compose;

namespace Smoke.Release;

/// <summary>Which services of a compose file a release changes: those whose image takes a given variable.</summary>
internal static class ReleaseServices
{
    /// <summary>The services whose <c>image:</c> uses <c>${variable}</c> or <c>$variable</c>, in file order.</summary>
    public static IReadOnlyList<string> WhoseImageUses(ComposeFileModel compose, string variable) =>
        compose.Services
            .Where(service => service.Image is { } reference
                && (reference.Contains("${" + variable, StringComparison.Ordinal) || reference.Contains("$" + variable, StringComparison.Ordinal)))
            .Select(service => service.Name)
            .ToList();
}
