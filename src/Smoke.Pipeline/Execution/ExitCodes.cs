namespace Smoke.Pipeline;

/// <summary>The exit codes the engine itself gives; a build adds its own (1 to 255) through <see cref="BuildFailedException"/> or <see cref="ITargetDefinition.RecoversFrom"/>.</summary>
public static class ExitCodes
{
    public const int Succeeded = 0;

    /// <summary>A target failed, or the build itself did (an <c>OnBuildFinished</c> that threw).</summary>
    public const int TargetFailed = 1;

    /// <summary>Unknown target or option, bad parameter, unmet requirement, cycle, invalid configuration.</summary>
    public const int InvalidUsage = 2;

    /// <summary>Ctrl+C or SIGTERM.</summary>
    public const int Interrupted = 130;
}
