namespace SmokeTests.Shared;

/// <summary>A smoke test was not told where its service is or how to log in. The test fails; it never skips.</summary>
public sealed class SmokeConfigurationException : Exception
{
    public SmokeConfigurationException(string message)
        : base(message)
    {
    }

    public SmokeConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static SmokeConfigurationException Missing(string variable, string purpose) => new(
        $"{variable} is not set: it is {purpose}. `./build.sh Smoke` sets it before running the smoke tests; " +
        $"to run them by hand against a stack that is up, export it yourself (docs/writing-smoke-tests.md shows how).");

    internal static SmokeConfigurationException Invalid(string variable, string value, string expected) => new(
        $"{variable}=\"{value}\" is not {expected}; `./build.sh Smoke` sets it from the published ports, so fix or unset the value you exported.");
}
