using Smoke.Shared;

namespace Smoke.Pipeline;

/// <summary>The one writer every engine line passes through: formatted by the host, secrets masked, whole lines under a lock.</summary>
internal sealed class BuildOutput(TextWriter writer, BuildHost host) : ILogSink
{
    private readonly Lock gate = new();

    public BuildHost Host { get; } = host;

    /// <summary>The secrets masked so far; replaced whole when one is added, so a line is always masked by one consistent set.</summary>
    public SecretMask Mask { get; private set; } = SecretMask.None;

    public bool Verbose { get; set; }

    public bool Accepts(LogEntry entry) => entry.Level != LogLevel.Debug || Verbose;

    public void Write(LogEntry entry)
    {
        if (Accepts(entry))
        {
            WriteLines(Host.Format(entry));
        }
    }

    /// <summary>
    /// A value learnt while the build runs (a password read from an env file, a secret parameter): masked from now on,
    /// and registered with the host (GitHub's add-mask) too. Values the mask does not hide (<see cref="SecretMask.Masks"/>) are ignored.
    /// </summary>
    public void AddSecret(string value) => AddSecrets([value]);

    /// <inheritdoc cref="AddSecret"/>
    public void AddSecrets(IEnumerable<string?> values)
    {
        List<string> added;
        lock (gate)
        {
            added = values.OfType<string>().Where(SecretMask.Masks).Distinct(StringComparer.Ordinal).Except(Mask.Values, StringComparer.Ordinal).ToList();
            Mask = Mask.With(added);
        }

        WriteUnmasked(Host.SecretsRegistered(added));
    }

    public bool LiveDisplay => Host.LiveDisplay;

    public Task PublishSummaryAsync(string markdown, CancellationToken cancellationToken) => Host.PublishSummaryAsync(Mask.Apply(markdown), cancellationToken);

    public void WriteLines(IEnumerable<string> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                writer.WriteLine(Mask.Apply(line));
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
