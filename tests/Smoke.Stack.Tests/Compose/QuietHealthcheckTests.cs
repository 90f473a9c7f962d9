using System.Text.Json;
using Smoke.Stack.Compose;
using Smoke.Stack.Sessions;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Compose;

/// <summary>A throwaway stack's healthchecks slow to every 10 s once healthy, where compose and the engine allow it, and only then.</summary>
public sealed class QuietHealthcheckTests
{
    private const string CheckedEverySecond = """
        services:
          web:
            image: ${BASE_IMAGE}
            command: ["sh", "-c", "touch /tmp/ready; exec sleep 300"]
            healthcheck:
              test: ["CMD", "test", "-f", "/tmp/ready"]
              interval: 1s
              start_period: 30s
              retries: 30
          quiet:
            image: ${BASE_IMAGE}
            command: ["sleep", "300"]
            healthcheck:
              disable: true
        """;

    [Theory]
    [InlineData("1s", 1_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("2500us", 2.5)]
    public void Durations_read_as_compose_writes_them(string text, double milliseconds)
    {
        Assert.True(QuietHealthchecks.TryParseDuration(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1x")]
    [InlineData("-1s")]
    [InlineData("${INTERVAL:-1s}")]
    public void A_duration_that_is_not_one_is_refused(string text) =>
        Assert.False(QuietHealthchecks.TryParseDuration(text, out _));

    [Fact]
    public void A_healthcheck_every_second_with_a_start_period_keeps_its_interval_while_starting_and_slows_to_10s_once_healthy()
    {
        var quiet = QuietHealthchecks.For(new ComposeHealthcheck(null, "1s", "30s", null));

        Assert.Equal(new Dictionary<string, object> { ["start_interval"] = "1s", ["interval"] = "10s" }, quiet);
    }

    [Theory]
    [InlineData(true, "1s", "30s", null)]      // disabled
    [InlineData(null, "1s", null, null)]       // no start period: start_interval would never apply, so startup would slow down
    [InlineData(null, "1s", "0s", null)]
    [InlineData(null, "10s", "30s", null)]     // already every 10 s or slower
    [InlineData(null, null, "30s", null)]      // compose's default interval, 30 s
    [InlineData(null, "1s", "30s", "500ms")]   // the author chose a start interval
    [InlineData(null, "${HEALTH_INTERVAL}", "30s", null)]
    public void Any_other_healthcheck_stays_as_written(bool? disabled, string? interval, string? startPeriod, string? startInterval) =>
        Assert.Null(QuietHealthchecks.For(new ComposeHealthcheck(disabled, interval, startPeriod, startInterval)));

    [Theory]
    [InlineData(ComposeFlavor.V2, "2.26.1-4", "1.45", true)]
    [InlineData(ComposeFlavor.V2, "v2.29.7", "1.44", true)]
    [InlineData(ComposeFlavor.V2, "2.26.1", "1.41", false)]   // Engine 20.10
    [InlineData(ComposeFlavor.V2, "2.19.1", "1.45", false)]
    [InlineData(ComposeFlavor.V1, "1.29.2", "1.45", false)]
    public void Start_interval_needs_Compose_v2_20_and_Engine_25(ComposeFlavor flavor, string composeVersion, string apiVersion, bool supported) =>
        Assert.Equal(supported, QuietHealthchecks.Supported(flavor, composeVersion, apiVersion));

    [Fact]
    public void The_session_override_slows_only_the_healthchecks_it_may_and_only_when_asked()
    {
        var model = ComposeFileModel.Parse(CheckedEverySecond);
        var session = new StackSession("ab12cd34", 4242, "host-1", "9876");

        var quiet = SessionOverride.Render(model, session, quietHealthchecks: true);
        var asWritten = SessionOverride.Render(model, session);

        Assert.Contains("    healthcheck:\n      start_interval: 1s\n      interval: 10s\n", quiet.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, CountOf("healthcheck:", quiet));
        Assert.DoesNotContain("healthcheck:", asWritten, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_file_overrides_healthcheck_keys_one_by_one()
    {
        var first = ComposeHealthcheck.Merge(null, new ComposeHealthcheck(null, "1s", "30s", null));

        var merged = ComposeHealthcheck.Merge(first, new ComposeHealthcheck(null, "2s", null, null));

        Assert.Equal(new ComposeHealthcheck(null, "2s", "30s", null), merged);
        Assert.Equal(new ComposeHealthcheck(null, "1s", "30s", null), ComposeFileModel.Parse(CheckedEverySecond).Find("web")!.Healthcheck);
        Assert.True(ComposeFileModel.Parse(CheckedEverySecond).Find("quiet")!.Healthcheck!.IsDisabled);
    }

    [Fact]
    public async Task On_a_real_engine_the_service_is_healthy_as_fast_and_is_then_checked_every_10s_where_compose_and_the_engine_allow_it()
    {
        await using var stack = await ComposeStack.CreateAsync(CheckedEverySecond, quietHealthchecks: true);
        var supported = stack.Driver.Flavor == ComposeFlavor.V2
            && Version.Parse(await stack.Engine.NegotiateApiVersionAsync()) >= new Version(1, 44);

        await stack.Driver.UpAsync(stack.Project);
        var web = Assert.Single(await stack.Driver.PsAsync(stack.Project), c => c.Service == "web");
        var healthyWithin = await SecondsUntilHealthyAsync(stack, web.Id);
        using var inspect = JsonDocument.Parse((await stack.Engine.InspectContainerAsync(web.Id)).RawJson);
        var healthcheck = inspect.RootElement.GetProperty("Config").GetProperty("Healthcheck");

        Assert.InRange(healthyWithin, 0, 10);
        if (supported)
        {
            Assert.Equal(10_000_000_000, healthcheck.GetProperty("Interval").GetInt64());
            Assert.Equal(1_000_000_000, healthcheck.GetProperty("StartInterval").GetInt64());
        }
        else
        {
            Assert.Equal(1_000_000_000, healthcheck.GetProperty("Interval").GetInt64());
            Assert.False(healthcheck.TryGetProperty("StartInterval", out var startInterval) && startInterval.GetInt64() != 0);
        }
    }

    private static int CountOf(string text, string inside) => inside.Split(text).Length - 1;

    private static async Task<double> SecondsUntilHealthyAsync(ComposeStack stack, string containerId)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            if ((await stack.Engine.InspectContainerAsync(containerId)).State.Health?.Status == "healthy")
            {
                return (DateTime.UtcNow - started).TotalSeconds;
            }

            await Task.Delay(100);
        }

        return double.PositiveInfinity;
    }
}
