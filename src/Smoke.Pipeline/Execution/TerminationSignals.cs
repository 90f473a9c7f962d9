using System.Runtime.InteropServices;

namespace Smoke.Pipeline;

/// <summary>
/// Ctrl+C and SIGTERM. The first one interrupts the build (assured targets still run); a second one aborts those too.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource interrupt = new();
    private readonly CancellationTokenSource abort = new();
    private readonly PosixSignalRegistration? sigterm;

    private TerminationSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                Signal();
            });
        }
        catch (PlatformNotSupportedException)
        {
            sigterm = null;
        }
    }

    public CancellationToken Interrupted => interrupt.Token;

    public CancellationToken Aborted => abort.Token;

    public static TerminationSignals Register() => new();

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        sigterm?.Dispose();
        interrupt.Dispose();
        abort.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Signal();
    }

    private void Signal()
    {
        if (interrupt.IsCancellationRequested)
        {
            abort.Cancel();
        }
        else
        {
            interrupt.Cancel();
        }
    }
}
