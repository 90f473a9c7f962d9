namespace Sample.Configuration;

/// <summary>The ways a "bad release" of the sample misbehaves, from SAMPLE_FAULT.</summary>
internal enum FaultKind
{
    None,
    ReadyNever,
    CrashOnStart,
    SlowStart,
    Http500,
    BreakQueue,
}
