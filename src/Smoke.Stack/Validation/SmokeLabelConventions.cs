namespace Smoke.Stack.Validation;

/// <summary>
/// The service labels under <see cref="Prefix"/> that tell the readiness engine what "ready" means (docs/readiness.md).
/// A label under the prefix that is not listed is reported as unknown.
/// </summary>
public sealed record SmokeLabelConventions(string Prefix, IReadOnlyList<SmokeLabel> Labels)
{
    public static SmokeLabelConventions Default { get; } = new(
        "io.smoke.",
        [
            new("io.smoke.wait.http", SmokeLabelKind.HttpProbe),
            new("io.smoke.wait.tcp", SmokeLabelKind.TcpPort),
            new("io.smoke.wait.log", SmokeLabelKind.Regex),
            new("io.smoke.wait.timeout", SmokeLabelKind.Duration),
            new("io.smoke.critical", SmokeLabelKind.Boolean),
            new("io.smoke.oneshot", SmokeLabelKind.Boolean),
            // Marks what tests create so that their cleanup finds it.
            new("io.smoke.test", SmokeLabelKind.Text),
        ]);
}
