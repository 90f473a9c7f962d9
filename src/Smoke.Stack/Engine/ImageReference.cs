namespace Smoke.Stack.Engine;

/// <summary>An image name split the way the engine wants it: <c>registry:5000/team/app:1.2</c> is repository <c>registry:5000/team/app</c>, tag <c>1.2</c>.</summary>
public sealed record ImageReference(string Repository, string Tag)
{
    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return new ImageReference(reference[..at], reference[at..]);
        }

        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? new ImageReference(reference[..colon], reference[(colon + 1)..]) : new ImageReference(reference, "latest");
    }

    public bool IsDigest => Tag.StartsWith('@');

    public override string ToString() => IsDigest ? $"{Repository}{Tag}" : $"{Repository}:{Tag}";
}
