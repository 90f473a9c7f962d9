using Microsoft.Extensions.Configuration;
using Sample.Configuration;

namespace Sample.Tests.Configuration;

public sealed class SampleSettingsTests
{
    [Fact]
    public void The_api_refuses_to_start_without_its_tokens_and_says_which_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SampleSettings.From(Configuration(new() { ["SAMPLE_ROLE"] = "api" })));

        Assert.Contains("SAMPLE_API_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("SAMPLE_READONLY_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worker_needs_no_api_tokens()
    {
        var settings = SampleSettings.From(Configuration(new() { ["SAMPLE_ROLE"] = "worker" }));

        Assert.Equal(SampleRole.Worker, settings.Role);
    }

    [Fact]
    public void An_unknown_role_names_the_valid_roles()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SampleSettings.From(Configuration(new() { ["SAMPLE_ROLE"] = "cron" })));

        Assert.Contains("api, worker, generator or migrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_never_appear_in_the_settings_text()
    {
        var settings = SampleSettings.From(Configuration(new()
        {
            ["SAMPLE_ROLE"] = "api",
            ["POSTGRES_PASSWORD"] = "db-secret-value",
            ["RABBITMQ_PASSWORD"] = "broker-secret-value",
            ["SAMPLE_API_TOKEN"] = "rw-secret-value",
            ["SAMPLE_READONLY_TOKEN"] = "ro-secret-value",
        }));

        var text = settings.ToString();

        Assert.DoesNotContain("secret-value", text, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
