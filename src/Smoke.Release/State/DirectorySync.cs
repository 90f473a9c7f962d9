using System.Runtime.InteropServices;

namespace Smoke.Release;

/// <summary>
/// fsync on a directory, so that a rename survives a power loss and not just a process crash.
/// .NET cannot open a directory as a file, hence libc; Windows has no equivalent and needs none for this.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    /// <returns>True when the directory was flushed; false where the platform or file system does not support it.</returns>
    public static bool TryFlush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            return false;
        }

        try
        {
            return Fsync(descriptor) == 0;
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
