using Smoke.Stack.Images;

namespace Smoke.Stack.Tests.Images;

public sealed class BuildContextTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-context-").FullName;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_hash_follows_content_executable_bits_and_build_arguments_only()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "run.sh"), "echo hi");
        var args = new Dictionary<string, string> { ["BASE_IMAGE"] = "base:1" };

        var first = await new BuildContext().Add(_directory).HashAsync(args, default);
        File.SetLastWriteTimeUtc(Path.Combine(_directory, "run.sh"), DateTime.UtcNow.AddDays(-3));
        var touched = await new BuildContext().Add(_directory).HashAsync(args, default);
        File.SetUnixFileMode(Path.Combine(_directory, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var executable = await new BuildContext().Add(_directory).HashAsync(args, default);
        var otherArgs = await new BuildContext().Add(_directory).HashAsync(new Dictionary<string, string> { ["BASE_IMAGE"] = "base:2" }, default);

        Assert.Equal(first, touched);
        Assert.NotEqual(first, executable);
        Assert.NotEqual(executable, otherArgs);
        Assert.Matches("^[0-9a-f]{12}$", first);
    }

    [Fact]
    public async Task Extra_directories_land_under_their_prefix_and_replace_what_they_exclude()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "ctx", "app"));
        Directory.CreateDirectory(Path.Combine(_directory, "published"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "ctx", "Dockerfile"), "FROM x");
        await File.WriteAllTextAsync(Path.Combine(_directory, "ctx", "app", "old.dll"), "old");
        await File.WriteAllTextAsync(Path.Combine(_directory, "published", "new.dll"), "new");
        var context = new BuildContext().Add(Path.Combine(_directory, "ctx"), exclude: "app").Add(Path.Combine(_directory, "published"), "app");

        var names = await context.StreamAsync(
            async stream =>
            {
                var entries = new List<string>();
                using var reader = new System.Formats.Tar.TarReader(stream);
                while (await reader.GetNextEntryAsync() is { } entry)
                {
                    entries.Add(entry.Name);
                }

                return entries;
            },
            default);

        Assert.Equal(["Dockerfile", "app/new.dll"], names);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
