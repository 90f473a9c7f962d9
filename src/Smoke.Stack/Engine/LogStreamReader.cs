using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Smoke.Stack.Engine;

/// <summary>
/// Turns a container log stream into lines. Without a TTY the engine multiplexes stdout and stderr in frames
/// (one byte stream id, three zero bytes, a big-endian 32-bit length, then the payload); with a TTY it sends
/// the raw terminal bytes.
/// </summary>
internal static class LogStreamReader
{
    public static async IAsyncEnumerable<ContainerLogLine> ReadAsync(
        Stream stream,
        bool tty,
        bool timestamps,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Dictionary<LogStream, PendingText>();
        var header = new byte[8];
        var buffer = new byte[16 * 1024];
        while (true)
        {
            LogStream source;
            int length;
            if (tty)
            {
                length = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (length == 0)
                {
                    break;
                }

                source = LogStream.Stdout;
            }
            else
            {
                var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read < header.Length)
                {
                    break;
                }

                source = (LogStream)header[0];
                length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)));
                if (length > buffer.Length)
                {
                    buffer = new byte[length];
                }

                await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }

            if (!pending.TryGetValue(source, out var text))
            {
                pending[source] = text = new PendingText();
            }

            foreach (var line in text.Append(buffer.AsSpan(0, length)))
            {
                yield return ToLine(source, line, timestamps);
            }
        }

        foreach (var (source, text) in pending)
        {
            if (text.Flush() is { } rest)
            {
                yield return ToLine(source, rest, timestamps);
            }
        }
    }

    private static ContainerLogLine ToLine(LogStream source, string text, bool timestamps)
    {
        text = text.TrimEnd('\r');
        if (timestamps && text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space
            && DateTimeOffset.TryParse(text[..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return new ContainerLogLine(source, text[(space + 1)..], time);
        }

        return new ContainerLogLine(source, text);
    }

    /// <summary>Bytes of one stream not yet ending in a newline; the decoder keeps split UTF-8 sequences whole.</summary>
    private sealed class PendingText
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly StringBuilder _text = new();

        public List<string> Append(ReadOnlySpan<byte> bytes)
        {
            var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
            _decoder.GetChars(bytes, chars, flush: false);
            _text.Append(chars);
            var lines = new List<string>();
            var all = _text.ToString();
            var start = 0;
            for (var newline = all.IndexOf('\n', start); newline >= 0; newline = all.IndexOf('\n', start))
            {
                lines.Add(all[start..newline]);
                start = newline + 1;
            }

            _text.Clear().Append(all, start, all.Length - start);
            return lines;
        }

        public string? Flush() => _text.Length > 0 ? _text.ToString() : null;
    }
}
