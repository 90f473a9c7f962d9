using System.Diagnostics;

namespace Smoke.Testing.Tests.Reports;

/// <summary>Renders report.html in headless Chromium (Debian's chromium package) and keeps the screenshot in the test output.</summary>
public sealed class HtmlReportInChromiumTests(ReportFiles files) : IClassFixture<ReportFiles>
{
    private const string Chromium = "/usr/bin/chromium";

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task The_report_renders_in_headless_chromium()
    {
        Assert.True(
            File.Exists(Chromium),
            $"{Chromium} is missing: this test renders report.html in headless Chromium. Install it with `apt-get install -y chromium` (./build.sh Test does).");
        Directory.CreateDirectory(ScreenshotDirectory);
        var screenshot = Path.Combine(ScreenshotDirectory, "report-failed.png");
        File.Delete(screenshot);
        var profile = Directory.CreateTempSubdirectory("smoke-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", $"--screenshot={screenshot}",
                "--window-size=1280,1800", new Uri(files.Failed.Html).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish the screenshot of {files.Failed.Html} within 3 minutes");
            }

            var lines = await output;
            Assert.True(File.Exists(screenshot), $"chromium exited with {process.ExitCode} and wrote no screenshot; its output:\n{lines[0]}\n{lines[1]}");
            var png = await File.ReadAllBytesAsync(screenshot);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            // A blank 1280x1800 page compresses to a few kilobytes; text, tables and the timeline do not.
            Assert.True(png.Length > 50_000, $"the screenshot {screenshot} is only {png.Length} bytes: the page probably rendered blank");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
