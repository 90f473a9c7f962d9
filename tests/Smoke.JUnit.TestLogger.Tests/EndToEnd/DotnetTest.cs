using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Smoke.JUnit.TestLogger.Tests.EndToEnd;

/// <summary>Runs the real <c>dotnet test</c> on the fixture project with our logger on the adapter path.</summary>
internal static class DotnetTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    /// <summary>Tests/Fixtures/JUnitFixture/JUnitFixture.csproj in the source tree, recorded at build time.</summary>
    public static string FixtureProject { get; } = typeof(DotnetTest).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FixtureProject").Value!;

    /// <summary>The directory holding this test's build output, our logger among it.</summary>
    public static string LoggerDirectory => AppContext.BaseDirectory;

    public static async Task<DotnetTestRun> RunAsync(
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(FixtureProject)!,
        };
        start.ArgumentList.Add("test");
        start.ArgumentList.Add(FixtureProject);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // This process runs inside a test host; what VSTest and MSBuild told it must not leak into the nested run.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        // No build servers: nothing may outlive the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("could not start dotnet; is the .NET SDK on PATH?");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet test {FixtureProject} did not finish within {Deadline}; its output so far:\n{Text(output)}");
        }

        process.WaitForExit();
        return new DotnetTestRun(process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
