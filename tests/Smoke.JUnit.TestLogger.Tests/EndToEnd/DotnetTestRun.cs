namespace Smoke.JUnit.TestLogger.Tests.EndToEnd;

/// <summary>How a nested <c>dotnet test</c> ended, with its console output for assertion messages.</summary>
internal sealed record DotnetTestRun(int ExitCode, string Output);
