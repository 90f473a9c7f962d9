namespace Smoke.Build.Tests.EndToEnd;

/// <summary>How a run of ./build.sh ended: its exit code and everything it printed.</summary>
internal sealed record BuildResult(int ExitCode, string Output, bool WasInterrupted)
{
    public override string ToString() => $"exit code {ExitCode}; output:\n{Output}";
}
