namespace Smoke.Stack.Images;

/// <summary>An image could not be pulled or built; the message names the image and what to do.</summary>
public sealed class ImageProvisioningException : Exception
{
    public ImageProvisioningException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
