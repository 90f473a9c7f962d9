using System.Diagnostics;

namespace Smoke.Release.Tests.ChildProcess;

/// <summary>This test assembly running as another process (see <see cref="Program"/>).</summary>
internal sealed class ChildProcessRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly Process _process;

    private ChildProcessRun(Process process) => _process = process;

    public int Pid => _process.Id;

    public static ChildProcessRun Start(string mode, string root, string environment)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(Program).Assembly.Location, mode, root, environment })
        {
            start.ArgumentList.Add(argument);
        }

        return new ChildProcessRun(Process.Start(start) ?? throw new InvalidOperationException($"could not start {dotnet}"));
    }

    /// <summary>Reads the child's output until a line matches; fails with its error output if it exits first.</summary>
    public async Task WaitForLineAsync(Func<string, bool> matches)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (matches(line))
            {
                return;
            }
        }

        var error = await _process.StandardError.ReadToEndAsync(timeout.Token);
        throw new InvalidOperationException($"child process {_process.Id} ended before the expected output; its errors: {error}");
    }

    /// <summary>Lets a hold-lock child release its lock and end normally.</summary>
    public async Task FinishAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
