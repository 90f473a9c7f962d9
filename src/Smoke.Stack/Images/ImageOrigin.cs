namespace Smoke.Stack.Images;

public enum ImageOrigin
{
    /// <summary>Already on the engine (an official image pulled earlier, or a built tag with the same content hash).</summary>
    Present,
    Pulled,
    Built,
}
