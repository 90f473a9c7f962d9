using System.Text;

namespace Smoke.Pipeline;

/// <summary>
/// GitHub's job summary file (<c>$GITHUB_STEP_SUMMARY</c>), the one writer of it: markdown is appended as UTF-8 without
/// a byte order mark, and past GitHub's 1 MiB per step the text is cut at a line with a notice.
/// </summary>
internal static class StepSummaryFile
{
    public const int MaxBytes = 1024 * 1024;

    public const string CutNotice = "\n> Summary cut here: GitHub shows at most 1 MiB per step. The full report is in the run's artifacts.\n";

    /// <summary>False when the text had to be cut (or nothing fitted any more).</summary>
    public static async Task<bool> AppendAsync(string path, string markdown, CancellationToken cancellationToken)
    {
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var room = MaxBytes - (File.Exists(path) ? new FileInfo(path).Length : 0);
        if (bytes.Length <= room)
        {
            await AppendBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var notice = Encoding.UTF8.GetBytes(CutNotice);
        if (room >= notice.Length)
        {
            await AppendBytesAsync(path, [.. WholeLinesWithin(text, room - notice.Length), .. notice], cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private static byte[] WholeLinesWithin(string text, long room)
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

    private static async Task AppendBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
    }
}
