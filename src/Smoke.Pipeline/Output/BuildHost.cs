namespace Smoke.Pipeline;

/// <summary>Decides how the engine's lines look where the build runs: a terminal, or a GitHub Actions runner.</summary>
internal abstract class BuildHost
{
    public abstract bool Colors { get; }

    /// <summary>Whether a live display may redraw the console: an interactive terminal, outside CI.</summary>
    public virtual bool LiveDisplay => false;

    public abstract IEnumerable<string> Format(LogEntry entry);

    public virtual IEnumerable<string> TargetStarted(string name, bool grouped) => [Paint("1;36", $"> {name}")];

    public virtual IEnumerable<string> TargetFinished(string name, bool grouped) => [];

    /// <summary>Lines that must be written unmasked, before anything else, so the runner hides the secrets itself.</summary>
    public virtual IEnumerable<string> SecretsRegistered(IEnumerable<string> secrets) => [];

    public virtual Task PublishSummaryAsync(string markdown, CancellationToken cancellationToken) => Task.CompletedTask;

    public string Paint(string ansiCode, string text) => Colors && text.Length > 0 ? $"\u001b[{ansiCode}m{text}\u001b[0m" : text;

    protected static string Location(LogEntry entry) => entry switch
    {
        { File: null } => "",
        { Line: null } => $"{entry.File}: ",
        { Column: null } => $"{entry.File}({entry.Line}): ",
        _ => $"{entry.File}({entry.Line},{entry.Column}): ",
    };

    protected static string[] Lines(string message) => message.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
