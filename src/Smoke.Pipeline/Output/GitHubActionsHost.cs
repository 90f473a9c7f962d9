namespace Smoke.Pipeline;

/// <summary>
/// A GitHub Actions runner (GITHUB_ACTIONS=true): targets fold into groups, errors and warnings become annotations,
/// secrets are masked by the runner too, and the summary lands on the job's page.
/// </summary>
internal sealed class GitHubActionsHost(string? stepSummaryPath) : BuildHost
{
    public override bool Colors => false;

    public override IEnumerable<string> Format(LogEntry entry) => entry.Level switch
    {
        LogLevel.Error => [WorkflowCommand.Error(entry.Message, entry.File, entry.Line, entry.Column)],
        LogLevel.Warning => [WorkflowCommand.Warning(entry.Message, entry.File, entry.Line, entry.Column)],
        _ => Lines(entry.Message),
    };

    public override IEnumerable<string> TargetStarted(string name, bool grouped) =>
        grouped ? [WorkflowCommand.Group(name)] : base.TargetStarted(name, grouped);

    public override IEnumerable<string> TargetFinished(string name, bool grouped) =>
        grouped ? [WorkflowCommand.EndGroup()] : [];

    public override IEnumerable<string> SecretsRegistered(IEnumerable<string> secrets) => secrets.Select(WorkflowCommand.AddMask);

    public override async Task PublishSummaryAsync(string markdown, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(stepSummaryPath))
        {
            await StepSummaryFile.AppendAsync(stepSummaryPath, markdown, cancellationToken).ConfigureAwait(false);
        }
    }
}
