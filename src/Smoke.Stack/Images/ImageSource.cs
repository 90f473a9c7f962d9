namespace Smoke.Stack.Images;

/// <summary>Where the Images step gets images from (the <c>ImageSource</c> parameter).</summary>
public enum ImageSource
{
    /// <summary>Pull the official images and the recipes' pullable bases; build on the debootstrap base when no registry answers.</summary>
    Auto,

    /// <summary>Pull the official images and the recipes' pullable bases; a registry that does not answer is an error.</summary>
    Pull,

    /// <summary>Never pull: build every image on the debootstrap base (or on a given base already on the engine).</summary>
    Offline,
}
