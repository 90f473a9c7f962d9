namespace SmokeTests.Shared;

/// <summary>
/// Reads the settings a smoke test needs: from the environment first, then from the JSON file
/// named by <c>SMOKE_ENDPOINTS</c>. Values are returned, never printed: some are secrets.
/// </summary>
public static class SmokeVariables
{
    /// <summary>The variable naming the JSON file that holds every endpoint variable.</summary>
    public const string EndpointsFileVariable = "SMOKE_ENDPOINTS";

    private static readonly Lazy<EndpointsFile?> File = new(EndpointsFile.Load);

    /// <summary>The variable's value; a <see cref="SmokeConfigurationException"/> naming it when it is not set.</summary>
    /// <param name="name">The variable, e.g. <c>SMOKE_API_URL</c> or <c>POSTGRES_PASSWORD</c>.</param>
    /// <param name="purpose">What the value is, for the failure message: "the database password".</param>
    public static string Required(string name, string purpose) =>
        Optional(name) ?? throw SmokeConfigurationException.Missing(name, purpose);

    /// <summary>The variable's value, or null when neither the environment nor the endpoints file has it.</summary>
    public static string? Optional(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        return File.Value?.Find(name);
    }
}
