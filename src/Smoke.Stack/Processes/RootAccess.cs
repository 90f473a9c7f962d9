using Smoke.Processes;

namespace Smoke.Stack.Processes;

/// <summary>
/// How this process may run a program as root: it is root already, it has passwordless sudo (as GitHub's hosted
/// runners give their <c>runner</c> user), or it may not at all. Installing packages, starting dockerd and debootstrap
/// go through here, so each of them works the same for root and for a sudoer.
/// </summary>
public sealed record RootAccess
{
    private RootAccess(RootAccessKind kind) => Kind = kind;

    public static RootAccess AsRoot { get; } = new(RootAccessKind.Root);

    public static RootAccess ThroughSudo { get; } = new(RootAccessKind.Sudo);

    public static RootAccess Denied { get; } = new(RootAccessKind.None);

    public RootAccessKind Kind { get; }

    public bool IsAvailable => Kind != RootAccessKind.None;

    /// <summary>For messages: "as root", "through sudo", or why neither works.</summary>
    public string Description => Kind switch
    {
        RootAccessKind.Root => "as root",
        RootAccessKind.Sudo => "through passwordless sudo",
        _ => "not as root, and sudo asks for a password or is not installed",
    };

    /// <summary>Root when this process is root, else sudo when <c>sudo -n true</c> succeeds (no password prompt, ever), else none.</summary>
    public static async Task<RootAccess> DetectAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.IsPrivilegedProcess)
        {
            return AsRoot;
        }

        try
        {
            var probe = await ExternalProcess.RunAsync("sudo", ["-n", "true"], cancellationToken: cancellationToken).ConfigureAwait(false);
            return probe.Succeeded ? ThroughSudo : Denied;
        }
        catch (ExternalProgramNotFoundException)
        {
            return Denied;
        }
    }

    /// <summary>
    /// The command line that runs <paramref name="program"/> as root. sudo resets the environment, so the variables go
    /// through <c>env</c>; <c>-n</c> makes sudo fail rather than wait for a password nobody will type.
    /// </summary>
    public (string Program, IReadOnlyList<string> Arguments) Command(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Kind switch
        {
            RootAccessKind.Root => (program, arguments),
            RootAccessKind.Sudo =>
            (
                "sudo",
                [
                    "-n", "--", "env",
                    .. (environment ?? new Dictionary<string, string?>()).Where(variable => variable.Value is not null).Select(variable => $"{variable.Key}={variable.Value}"),
                    program,
                    .. arguments,
                ]
            ),
            _ => throw new InvalidOperationException($"cannot run {program} as root: this process is {Description}"),
        };

    /// <summary>Runs <paramref name="program"/> as root, as <see cref="ExternalProcess.RunAsync"/> runs any program.</summary>
    internal Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, ProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessOptions();
        var (file, commandArguments) = Command(program, arguments, options.Environment);
        return ExternalProcess.RunAsync(file, commandArguments, options, cancellationToken);
    }
}
