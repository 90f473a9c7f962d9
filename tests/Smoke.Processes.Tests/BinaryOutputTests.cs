namespace Smoke.Processes.Tests;

/// <summary>Standard output read as bytes, as tar's archive is streamed into an image import.</summary>
public sealed class BinaryOutputTests
{
    [Fact]
    public async Task Standard_output_reaches_the_reader_byte_for_byte_and_errors_still_come_as_lines()
    {
        var received = new MemoryStream();

        var result = await ExternalProcess.RunAsync(
            "sh",
            ["-c", "printf 'a\\000b\\n'; echo 'tar: warning' >&2"],
            new ProcessOptions { ReadOutput = (stream, token) => stream.CopyToAsync(received, token) });

        Assert.True(result.Succeeded);
        Assert.Equal("a\0b\n"u8.ToArray(), received.ToArray());
        Assert.Equal(["tar: warning"], result.Output);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task A_reader_that_fails_kills_the_program_and_its_error_is_passed_on()
    {
        var pid = 0;

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => ExternalProcess.RunAsync(
                    "yes",
                    [],
                    new ProcessOptions
                    {
                        OnStarted = started => pid = started,
                        ReadOutput = async (stream, token) =>
                        {
                            var buffer = new byte[16];
                            await stream.ReadExactlyAsync(buffer, token);
                            throw new InvalidDataException("the engine refused the archive");
                        },
                    })
                .WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal("the engine refused the archive", error.Message);
        Assert.True(await Pids.GoneWithinAsync(pid, TimeSpan.FromSeconds(30)), $"yes {pid} kept running");
    }
}
