using System.Formats.Tar;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;

namespace Smoke.Stack.Images;

/// <summary>
/// The files of a classic-builder context: a directory plus extra directories placed inside it. Hashes its
/// content (paths, executable bits, bytes) and the build arguments, and streams it as a tar without a temp file.
/// </summary>
internal sealed class BuildContext
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>Adds every file under <paramref name="directory"/> at <paramref name="prefix"/>, skipping <paramref name="exclude"/> (a path relative to the directory).</summary>
    public BuildContext Add(string directory, string prefix = "", string? exclude = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new ImageProvisioningException($"build context directory {directory} does not exist");
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (exclude is not null && (relative == exclude || relative.StartsWith(exclude.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            _files[prefix.Length == 0 ? relative : $"{prefix.TrimEnd('/')}/{relative}"] = file;
        }

        return this;
    }

    public int Count => _files.Count;

    /// <summary>A short content hash: the files (name, executable bit, bytes), then the build arguments in order of name.</summary>
    public async Task<string> HashAsync(IReadOnlyDictionary<string, string> buildArgs, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var (name, path) in _files)
        {
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0{(executable ? 'x' : '-')}\0{new FileInfo(path).Length}\0"));
            await using var stream = File.OpenRead(path);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        foreach (var (name, value) in buildArgs.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"arg\0{name}\0{value}\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>Writes the context as a tar into a pipe while <paramref name="consume"/> reads it (the engine's build request).</summary>
    public async Task<T> StreamAsync<T>(Func<Stream, Task<T>> consume, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = Task.Run(
            async () =>
            {
                var output = pipe.Writer.AsStream();
                try
                {
                    await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
                    {
                        foreach (var (name, path) in _files)
                        {
                            await tar.WriteEntryAsync(path, name, stop.Token).ConfigureAwait(false);
                        }
                    }

                    await pipe.Writer.CompleteAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    await pipe.Writer.CompleteAsync(ex).ConfigureAwait(false);
                }
            },
            CancellationToken.None);

        var input = pipe.Reader.AsStream();
        try
        {
            return await consume(input).ConfigureAwait(false);
        }
        finally
        {
            // A build that fails early stops reading; let the writer give up instead of waiting on a full pipe.
            await stop.CancelAsync().ConfigureAwait(false);
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await writing.ConfigureAwait(false);
        }
    }
}
