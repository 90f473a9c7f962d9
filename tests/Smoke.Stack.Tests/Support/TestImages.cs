namespace Smoke.Stack.Tests.Support;

internal static class TestImages
{
    /// <summary>The Debian base every test container runs; the build's Test target exports it after the Images target.</summary>
    public static string Base =>
        Environment.GetEnvironmentVariable("SMOKE_BASE_IMAGE") is { Length: > 0 } image
            ? image
            : throw new InvalidOperationException(
                "SMOKE_BASE_IMAGE is not set: these tests run containers from the Debian base image. "
                + "./build.sh Test sets it after the Images target; by hand, export SMOKE_BASE_IMAGE=smoke/debian-base:<tag> (see `docker images smoke/debian-base`).");
}
