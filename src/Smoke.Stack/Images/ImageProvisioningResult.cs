namespace Smoke.Stack.Images;

/// <summary>The images made ready, and the variables to hand to compose (e.g. <c>POSTGRES_IMAGE=smoke/postgres:ab12cd34ef56</c>).</summary>
public sealed record ImageProvisioningResult(IReadOnlyList<ProvisionedImage> Images, IReadOnlyDictionary<string, string> Variables, string? BaseImage)
{
    public override string ToString() => string.Join("; ", Images);
}
