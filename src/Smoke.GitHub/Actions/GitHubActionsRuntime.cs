using System.Text;

namespace Smoke.GitHub;

/// <summary>
/// The step's side of GitHub Actions: its context, step outputs (<c>$GITHUB_OUTPUT</c>) and the job
/// summary (<c>$GITHUB_STEP_SUMMARY</c>). Workflow commands (groups, annotations, masks) are written by
/// Smoke.Pipeline's console host, not here.
/// </summary>
public sealed class GitHubActionsRuntime
{
    /// <summary>GitHub refuses to show a step summary larger than this.</summary>
    public const int MaxSummaryBytes = 1024 * 1024;

    private const string SummaryCutNotice = "\n> Summary cut here: GitHub shows at most 1 MiB per step. The full report is in the run's artifacts.\n";

    private readonly string? outputPath;
    private readonly string? summaryPath;

    private GitHubActionsRuntime(ActionsContext context, string? outputPath, string? summaryPath)
    {
        Context = context;
        this.outputPath = outputPath;
        this.summaryPath = summaryPath;
    }

    public ActionsContext Context { get; }

    public bool IsActions => Context.IsActions;

    /// <summary>True when <c>GITHUB_OUTPUT</c> names a file to write step outputs to.</summary>
    public bool CanWriteOutputs => outputPath is not null;

    /// <summary>True when <c>GITHUB_STEP_SUMMARY</c> names a file to append the job summary to.</summary>
    public bool CanWriteSummary => summaryPath is not null;

    public static bool IsRunningInActions() => IsRunningInActions(Environment.GetEnvironmentVariable);

    public static bool IsRunningInActions(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return string.Equals(variables("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the context of this process's environment.</summary>
    public static Task<GitHubActionsRuntime> DetectAsync(CancellationToken cancellationToken = default) =>
        DetectAsync(Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Reads the context from the given variables (tests pass a dictionary's lookup).</summary>
    public static async Task<GitHubActionsRuntime> DetectAsync(Func<string, string?> variables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Read(string name) => variables(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var gitRef = Read("GITHUB_REF");
        var context = new ActionsContext
        {
            IsActions = IsRunningInActions(variables),
            Repository = RepositoryName.TryParse(Read("GITHUB_REPOSITORY"), out var repository) ? repository : null,
            Sha = Read("GITHUB_SHA"),
            Ref = gitRef,
            RunId = Read("GITHUB_RUN_ID"),
            RunAttempt = Read("GITHUB_RUN_ATTEMPT"),
            EventName = Read("GITHUB_EVENT_NAME"),
            Workflow = Read("GITHUB_WORKFLOW"),
            Actor = Read("GITHUB_ACTOR"),
            ServerUrl = AbsoluteUrl(Read("GITHUB_SERVER_URL")) ?? new Uri("https://github.com"),
            ApiUrl = AbsoluteUrl(Read("GITHUB_API_URL")) ?? GitHubClientOptions.DefaultBaseAddress,
            PullRequestNumber = await ActionsEvent.PullRequestNumberAsync(Read("GITHUB_EVENT_PATH"), gitRef, cancellationToken).ConfigureAwait(false),
        };
        return new GitHubActionsRuntime(context, Read("GITHUB_OUTPUT"), Read("GITHUB_STEP_SUMMARY"));
    }

    /// <summary>
    /// Sets a step output (<c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c>). A multi-line value is written as a
    /// heredoc with a random delimiter, so no value can end it early. Returns false outside Actions.
    /// </summary>
    public async Task<bool> SetOutputAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"\"{name}\" is not a step output name: use letters, digits, '_' and '-'.", nameof(name));
        }

        if (outputPath is null)
        {
            return false;
        }

        string entry;
        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
        {
            string delimiter;
            do
            {
                delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
            }
            while (value.Contains(delimiter, StringComparison.Ordinal));

            entry = $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
        }
        else
        {
            entry = $"{name}={value}\n";
        }

        await AppendAsync(outputPath, Encoding.UTF8.GetBytes(entry), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Appends markdown to the job summary. Past GitHub's 1 MiB per step, the text is cut at a line with a
    /// notice and false is returned; false also outside Actions.
    /// </summary>
    public async Task<bool> AppendSummaryAsync(string markdown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (summaryPath is null)
        {
            return false;
        }

        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var room = MaxSummaryBytes - (File.Exists(summaryPath) ? new FileInfo(summaryPath).Length : 0);
        if (bytes.Length <= room)
        {
            await AppendAsync(summaryPath, bytes, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var notice = Encoding.UTF8.GetBytes(SummaryCutNotice);
        if (room >= notice.Length)
        {
            await AppendAsync(summaryPath, [.. FitLines(text, room - notice.Length), .. notice], cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static byte[] FitLines(string text, long room)
    {
        var kept = new StringBuilder();
        long used = 0;
        foreach (var line in text.Split('\n'))
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (used + size > room)
            {
                break;
            }

            kept.Append(line).Append('\n');
            used += size;
        }

        return Encoding.UTF8.GetBytes(kept.ToString());
    }

    private static async Task AppendAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Uri? AbsoluteUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
