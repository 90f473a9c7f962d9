namespace Smoke.Stack.Processes;

/// <summary>A program we run (docker-compose, apt-get, debootstrap, tar) is not installed or not on PATH.</summary>
public sealed class ExternalProgramNotFoundException : Exception
{
    public ExternalProgramNotFoundException(string program, Exception? innerException = null)
        : base($"{program} is not installed or not on PATH", innerException)
    {
        Program = program;
    }

    public string Program { get; }
}
