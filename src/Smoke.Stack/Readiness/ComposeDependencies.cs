namespace Smoke.Stack.Readiness;

/// <summary>
/// The <c>depends_on</c> graph from what compose puts on containers. From the compose files it comes with the
/// project's model (<see cref="Compose.ComposeFileModel.DependsOn"/>).
/// </summary>
internal static class ComposeDependencies
{
    /// <summary>
    /// From the <c>com.docker.compose.depends_on</c> label Compose v2 puts on containers
    /// (<c>db:service_healthy:false,migrate:service_completed_successfully:false</c>); Compose v1 sets none.
    /// </summary>
    internal static IReadOnlyList<string> FromLabel(string? label) =>
        string.IsNullOrWhiteSpace(label)
            ? []
            : label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry => entry.Split(':')[0]).ToList();
}
