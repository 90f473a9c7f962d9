using System.Diagnostics.CodeAnalysis;

namespace Smoke.GitHub;

/// <summary>
/// Whether the GitHub steps can run: a client and a repository when a token and a repository are known,
/// or the reason they are skipped. Callers ask <see cref="IsConfigured"/> and, when false, print
/// <see cref="StatusLine"/> as their one line.
/// </summary>
public sealed class GitHubIntegration : IDisposable
{
    private GitHubIntegration(GitHubClient? client, RepositoryName? repository, string? notConfiguredReason)
    {
        Client = client;
        Repository = repository;
        NotConfiguredReason = notConfiguredReason;
    }

    [MemberNotNullWhen(true, nameof(Client), nameof(Repository))]
    [MemberNotNullWhen(false, nameof(NotConfiguredReason))]
    public bool IsConfigured => Client is not null;

    public GitHubClient? Client { get; }

    public RepositoryName? Repository { get; }

    /// <summary>Why there is no client, e.g. <c>no token: set GITHUB_TOKEN</c>.</summary>
    public string? NotConfiguredReason { get; }

    /// <summary>One line for the log: where GitHub calls go, or why they are skipped.</summary>
    public string StatusLine => IsConfigured
        ? $"GitHub: reporting to {Repository} through {Client.Options.BaseAddress}"
        : $"GitHub steps skipped: {NotConfiguredReason}";

    /// <summary>
    /// Reads <c>GITHUB_TOKEN</c> (or <c>GH_TOKEN</c>), <c>GITHUB_REPOSITORY</c> and <c>GITHUB_API_URL</c> from
    /// this process's environment.
    /// </summary>
    public static GitHubIntegration FromEnvironment(GitHubClientOptions? options = null) =>
        FromVariables(Environment.GetEnvironmentVariable, options);

    /// <summary>
    /// As <see cref="FromEnvironment"/>, from the given variables. <c>GITHUB_API_URL</c> applies unless the
    /// options already name another address than the default.
    /// </summary>
    public static GitHubIntegration FromVariables(Func<string, string?> variables, GitHubClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Read(string name) => variables(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        options ??= new GitHubClientOptions();
        if (Read("GITHUB_API_URL") is { } apiUrl && options.BaseAddress == GitHubClientOptions.DefaultBaseAddress)
        {
            if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
            {
                return NotConfigured($"GITHUB_API_URL \"{apiUrl}\" is not an absolute http(s) URL; unset it for https://api.github.com");
            }

            options = options with { BaseAddress = baseAddress };
        }

        return Create(Read("GITHUB_TOKEN") ?? Read("GH_TOKEN"), Read("GITHUB_REPOSITORY"), options);
    }

    /// <summary>From explicit values, e.g. build parameters; a null or blank token or repository is not configured.</summary>
    public static GitHubIntegration Create(string? token, string? repository, GitHubClientOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return NotConfigured("no token: set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})");
        }

        if (string.IsNullOrWhiteSpace(repository))
        {
            return NotConfigured("no repository: set GITHUB_REPOSITORY to owner/name (Actions sets it)");
        }

        if (!RepositoryName.TryParse(repository, out var name))
        {
            return NotConfigured($"GITHUB_REPOSITORY \"{repository}\" is not owner/name");
        }

        return new GitHubIntegration(new GitHubClient(token, options), name, null);
    }

    public void Dispose() => Client?.Dispose();

    public override string ToString() => StatusLine;

    private static GitHubIntegration NotConfigured(string reason) => new(null, null, reason);
}
