using System.Text;

namespace Smoke.Processes;

/// <summary>What a running program wrote: stdout and stderr apart, and every line merged in the order it arrived.</summary>
internal sealed class ProcessOutput(Action<string>? onLine)
{
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<string> _merged = [];

    internal enum Stream
    {
        Output,
        Error,
    }

    public async Task PumpAsync(StreamReader reader, Stream stream)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_gate)
                {
                    (stream == Stream.Output ? _output : _error).AppendLine(line);
                    _merged.Add(line);
                }

                onLine?.Invoke(line);
            }
        }
        catch (ObjectDisposedException)
        {
            // The caller stopped waiting for a pipe a grandchild still held, and the process is gone with its pipes.
        }
    }

    public ProcessResult Result(int exitCode, bool complete)
    {
        lock (_gate)
        {
            return new ProcessResult(exitCode, _output.ToString(), _error.ToString()) { Output = [.. _merged], OutputCutShort = !complete };
        }
    }
}
