namespace Smoke.Processes;

/// <summary>A program we run (dotnet, docker-compose, apt-get, debootstrap, tar) is not installed or not on PATH.</summary>
public sealed class ExternalProgramNotFoundException : Exception
{
    public ExternalProgramNotFoundException(string program, Exception? innerException = null)
        : this(program, installHint: null, innerException)
    {
    }

    public ExternalProgramNotFoundException(string program, string? installHint, Exception? innerException = null)
        : base(Describe(program, installHint), innerException)
    {
        Program = program;
        InstallHint = installHint;
    }

    public string Program { get; }

    /// <summary>What to install, when the caller knows it.</summary>
    public string? InstallHint { get; }

    private static string Describe(string program, string? installHint) =>
        installHint is null
            ? $"{program} is not installed or not on PATH; install it, or put the directory that holds it on PATH"
            : $"{program} is not installed or not on PATH; install {installHint}";
}
