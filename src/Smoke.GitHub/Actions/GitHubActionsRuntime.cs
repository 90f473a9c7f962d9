using System.Text;

namespace Smoke.GitHub;

/// <summary>
/// The step's side of GitHub Actions: its context and step outputs (<c>$GITHUB_OUTPUT</c>). Workflow commands
/// (groups, annotations, masks) and the job summary (<c>$GITHUB_STEP_SUMMARY</c>) are written by Smoke.Pipeline's
/// host, the one route of a build's output (<c>Log.SummaryAsync</c>), not here.
/// </summary>
public sealed class GitHubActionsRuntime
{
    private readonly string? outputPath;

    private GitHubActionsRuntime(ActionsContext context, string? outputPath)
    {
        Context = context;
        this.outputPath = outputPath;
    }

    public ActionsContext Context { get; }

    public bool IsActions => Context.IsActions;

    /// <summary>True when <c>GITHUB_OUTPUT</c> names a file to write step outputs to.</summary>
    public bool CanWriteOutputs => outputPath is not null;

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
        return new GitHubActionsRuntime(context, Read("GITHUB_OUTPUT"));
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
