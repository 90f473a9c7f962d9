namespace Smoke.JUnit.TestLogger.Options;

/// <summary>What the text of a <c>failure</c> element holds.</summary>
internal enum FailureBodyFormat
{
    /// <summary>The stack trace only; the message is in the <c>message</c> attribute.</summary>
    Default,

    /// <summary>The message, the stack trace and the test's standard output.</summary>
    Verbose,
}
