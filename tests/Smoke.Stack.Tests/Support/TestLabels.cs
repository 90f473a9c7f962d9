using Smoke.Stack.Sessions;

namespace Smoke.Stack.Tests.Support;

internal static class TestLabels
{
    public const string Test = "io.smoke.test=true";

    /// <summary>A label unique to one test, so its queries never see another test's resources.</summary>
    public static KeyValuePair<string, string> Unique() => new("io.smoke.test.case", StackSession.NewRunId());
}
