namespace Smoke.Build.Tests.Docs;

/// <summary>A throw-away repository root with a docs/ folder, for building sites from fixture pages.</summary>
internal sealed class DocsFolder : IDisposable
{
    public DocsFolder()
    {
        Root = Directory.CreateTempSubdirectory("smoke-docs-").FullName;
        Directory.CreateDirectory(DocsDirectory);
    }

    public string Root { get; }

    public string DocsDirectory => Path.Combine(Root, "docs");

    public string OutputDirectory => Path.Combine(Root, "artifacts", "docs");

    public DocsFolder Page(string name, string content)
    {
        var path = Path.Combine(DocsDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    public Smoke.Build.Docs.DocsSiteResult Build() => Smoke.Build.Docs.DocsSite.Build(Root, DocsDirectory, OutputDirectory);

    public string Html(string name) => File.ReadAllText(Path.Combine(OutputDirectory, name));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
