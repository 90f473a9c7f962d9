namespace Smoke.Release.Tests;

/// <summary>A repository root of its own per test, removed afterwards.</summary>
public sealed class ReleaseRoot : IDisposable
{
    public ReleaseRoot() => Path = Directory.CreateTempSubdirectory("smoke-release-").FullName;

    public string Path { get; }

    public string Releases => System.IO.Path.Combine(Path, ".smoke", "releases");

    public string File(string name) => System.IO.Path.Combine(Releases, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
