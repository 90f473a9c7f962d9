namespace Smoke.JUnit.TestLogger.Options;

/// <summary>How much of the test's location goes into the testcase <c>name</c> attribute.</summary>
internal enum MethodFormat
{
    /// <summary>The method and its arguments: <c>Adds(a: 1, b: 2)</c>.</summary>
    Default,

    /// <summary>The class without its namespace, then the method: <c>CalculatorTests.Adds(a: 1, b: 2)</c>.</summary>
    Class,

    /// <summary>Namespace, class and method: <c>Sample.Tests.CalculatorTests.Adds(a: 1, b: 2)</c>.</summary>
    Full,
}
