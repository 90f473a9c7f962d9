using System.Text.RegularExpressions;

namespace Smoke.Stack.Fixtures;

internal sealed class LogWait(Regex pattern, int times) : IWaitStrategy
{
    public string Describe(TestContainer container) => times == 1 ? $"log line matching /{pattern}/" : $"{times} log lines matching /{pattern}/";

    public async Task<WaitProbe> ProbeAsync(TestContainer container, CancellationToken cancellationToken)
    {
        var lines = await container.GetLogLinesAsync(cancellationToken).ConfigureAwait(false);
        var seen = lines.Count(line => pattern.IsMatch(line.Text));
        return seen >= times ? WaitProbe.Ready : WaitProbe.NotYet($"{seen} of {times} matching lines in {lines.Count} lines of log");
    }
}
