namespace Smoke.Stack.Images;

/// <summary>Where the Images step gets images from (the <c>ImageSource</c> parameter).</summary>
public enum ImageSource
{
    /// <summary>Pull the official images; build offline ones when no registry answers.</summary>
    Auto,

    /// <summary>Pull the official images; a registry that does not answer is an error.</summary>
    Pull,

    /// <summary>Never pull: build every image from the Debian base.</summary>
    Offline,
}
