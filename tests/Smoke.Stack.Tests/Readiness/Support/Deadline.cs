namespace Smoke.Stack.Tests.Readiness.Support;

/// <summary>Checks that a wait gave up at its own deadline: not before it, and long before the 60 s default.</summary>
public static class Deadline
{
    /// <summary>
    /// How late a give-up may be reported on a busy machine. Generous on purpose: the test is about which deadline
    /// applied, not how fast the machine is (speed lives in bench/).
    /// </summary>
    private static readonly TimeSpan Lateness = TimeSpan.FromSeconds(15);

    public static void AssertGaveUpAt(TimeSpan deadline, TimeSpan elapsed) =>
        Assert.InRange(elapsed, deadline, deadline + Lateness);
}
