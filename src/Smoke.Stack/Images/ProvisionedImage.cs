namespace Smoke.Stack.Images;

public sealed record ProvisionedImage(string Name, string Reference, ImageOrigin Origin)
{
    public override string ToString() => $"{Name}: {Reference} ({Origin.ToString().ToLowerInvariant()})";
}
