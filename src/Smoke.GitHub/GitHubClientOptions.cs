using System.Reflection;

namespace Smoke.GitHub;

/// <summary>
/// How a <see cref="GitHubClient"/> talks to GitHub. The token is not part of the options, so that
/// printing or logging them can never reveal it.
/// </summary>
public sealed record GitHubClientOptions
{
    public static readonly Uri DefaultBaseAddress = new("https://api.github.com");

    /// <summary>The REST API root: <c>GITHUB_API_URL</c> on Actions, <c>https://HOST/api/v3</c> on GitHub Enterprise Server.</summary>
    public Uri BaseAddress { get; init; } = DefaultBaseAddress;

    public string UserAgent { get; init; } = $"Smoke/{ProductVersion()}";

    /// <summary>How long to wait for one response before giving up.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The longest single wait for a rate limit to reset or a <c>retry-after</c> to pass. A limit that resets
    /// later fails the call with a message that says when it resets.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The first wait after a secondary rate limit that came without <c>retry-after</c>; each further one
    /// doubles. GitHub asks for at least one minute.
    /// </summary>
    public TimeSpan SecondaryRateLimitBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times one call is retried after rate limits before it fails.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>The clock and the delays used for rate-limit waits; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives one line for every rate-limit wait. Lines never contain the token.</summary>
    public Action<string>? Log { get; init; }

    private static string ProductVersion()
    {
        var version = typeof(GitHubClientOptions).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
