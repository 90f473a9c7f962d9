namespace Smoke.JUnit.TestLogger.Options;

/// <summary>Where the tests' console output goes (parameter <c>StoreConsoleOutput</c>); attachment lines are written either way.</summary>
internal enum ConsoleOutput
{
    /// <summary><c>true</c>: testcase output and the suite's run errors.</summary>
    Both,

    /// <summary><c>false</c>: neither.</summary>
    None,

    /// <summary><c>testcase</c>: testcase output only.</summary>
    TestCase,

    /// <summary><c>testsuite</c>: the suite's run errors only.</summary>
    TestSuite,
}
