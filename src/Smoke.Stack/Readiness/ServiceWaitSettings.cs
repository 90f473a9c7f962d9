using System.Globalization;
using System.Text.RegularExpressions;

namespace Smoke.Stack.Readiness;

/// <summary>What a service's <c>io.smoke.*</c> labels ask for. <see cref="Problems"/> lists every label that cannot be used.</summary>
internal sealed record ServiceWaitSettings(
    HttpTarget? Http,
    IReadOnlyList<int> TcpPorts,
    Regex? LogPattern,
    TimeSpan Timeout,
    bool Critical,
    bool OneShot,
    IReadOnlyList<string> Problems)
{
    public static ServiceWaitSettings FromLabels(IReadOnlyDictionary<string, string> labels, TimeSpan defaultTimeout)
    {
        var problems = new List<string>();
        string? Label(string key) => labels.TryGetValue(key, out var value) ? value : null;

        foreach (var key in labels.Keys.Where(k => k.StartsWith(ReadinessLabels.WaitPrefix, StringComparison.Ordinal) && !ReadinessLabels.WaitKeys.Contains(k)))
        {
            problems.Add($"unknown label {key} (known: {string.Join(", ", ReadinessLabels.WaitKeys)})");
        }

        HttpTarget? http = null;
        if (Label(ReadinessLabels.WaitHttp) is { } httpText)
        {
            http = HttpTarget.TryParse(httpText);
            if (http is null)
            {
                problems.Add($"{ReadinessLabels.WaitHttp} \"{httpText}\" is not <container port>/<path>, e.g. \"8080/healthz/ready\"");
            }
        }

        var tcp = new List<int>();
        if (Label(ReadinessLabels.WaitTcp) is { } tcpText)
        {
            foreach (var part in tcpText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
                {
                    tcp.Add(port);
                }
                else
                {
                    problems.Add($"{ReadinessLabels.WaitTcp} \"{tcpText}\" is not a container port (or a comma-separated list of them), e.g. \"5432\"");
                }
            }
        }

        Regex? log = null;
        if (Label(ReadinessLabels.WaitLog) is { } pattern)
        {
            try
            {
                log = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{ReadinessLabels.WaitLog} \"{pattern}\" is not a valid regular expression: {ex.Message}");
            }
        }

        var timeout = defaultTimeout;
        if (Label(ReadinessLabels.WaitTimeout) is { } timeoutText && !WaitDuration.TryParse(timeoutText, out timeout))
        {
            problems.Add($"{ReadinessLabels.WaitTimeout} \"{timeoutText}\" is not a duration such as 90s, 2m or 1m30s");
            timeout = defaultTimeout;
        }

        return new ServiceWaitSettings(
            http,
            tcp,
            log,
            timeout,
            Flag(ReadinessLabels.Critical, Label(ReadinessLabels.Critical), fallback: true, problems),
            Flag(ReadinessLabels.OneShot, Label(ReadinessLabels.OneShot), fallback: false, problems),
            problems);
    }

    private static bool Flag(string key, string? text, bool fallback, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        problems.Add($"{key} \"{text}\" is neither \"true\" nor \"false\"");
        return fallback;
    }
}
