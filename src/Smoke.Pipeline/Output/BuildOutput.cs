namespace Smoke.Pipeline;

/// <summary>The one writer every engine line passes through: formatted by the host, secrets masked, whole lines under a lock.</summary>
internal sealed class BuildOutput(TextWriter writer, BuildHost host) : ILogSink
{
    private readonly Lock gate = new();

    public BuildHost Host { get; } = host;

    public SecretMasker Masker { get; } = new();

    public bool Verbose { get; set; }

    public bool Accepts(LogEntry entry) => entry.Level != LogLevel.Debug || Verbose;

    public void Write(LogEntry entry)
    {
        if (Accepts(entry))
        {
            WriteLines(Host.Format(entry));
        }
    }

    /// <summary>A value learnt while the build runs (a password read from an env file): masked from now on, and on the host too.</summary>
    public void AddSecret(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || Masker.Secrets.Contains(value))
        {
            return;
        }

        Masker.Add(value);
        WriteUnmasked(Host.SecretsRegistered([value]));
    }

    public void WriteLines(IEnumerable<string> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                writer.WriteLine(Masker.Apply(line));
            }

            writer.Flush();
        }
    }

    public void WriteUnmasked(IEnumerable<string> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }

            writer.Flush();
        }
    }
}
