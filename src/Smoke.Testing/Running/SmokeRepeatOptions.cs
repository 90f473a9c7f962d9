namespace Smoke.Testing.Running;

/// <summary>How <see cref="RepeatedSmokeRuns"/> repeats a smoke run to expose flaky tests.</summary>
public sealed record SmokeRepeatOptions
{
    /// <summary>How many times the whole suite runs; 1 is an ordinary run.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>
    /// Called before every run after the first, with the number of the run about to start (2, 3, ...). It may bring
    /// the stack down and up again and return variables that replace the runner's (new endpoints), or null to keep them.
    /// </summary>
    public Func<int, CancellationToken, Task<IReadOnlyDictionary<string, string>?>>? BeforeRun { get; init; }

    internal SmokeRepeatOptions Validate()
    {
        if (Runs < 1)
        {
            throw new ArgumentException($"smoke runner: Runs is {Runs}; run the suite at least once (--repeat 1 is an ordinary run)", nameof(Runs));
        }

        return this;
    }
}
