using System.Diagnostics;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Sessions;

namespace Smoke.Stack.Tests.Readiness.Support;

/// <summary>A real compose project from a file in a temporary directory, brought down (and swept by label) on dispose.</summary>
public sealed class ComposeTestStack : IAsyncDisposable
{
    private readonly string _directory;

    private ComposeTestStack(DockerEngineClient engine, string directory, string project)
    {
        Engine = engine;
        _directory = directory;
        Project = project;
    }

    public DockerEngineClient Engine { get; }

    public string Project { get; }

    public string File => Path.Combine(_directory, "docker-compose.yml");

    /// <summary>Writes <paramref name="yaml"/> (services only; a labelled default network is added) and runs <c>up -d</c>.</summary>
    public static async Task<ComposeTestStack> UpAsync(DockerEngineClient engine, string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("smoke-readiness-").FullName;
        var stack = new ComposeTestStack(engine, directory, $"rdy{StackSession.NewRunId()}");
        await System.IO.File.WriteAllTextAsync(stack.File, yaml + """

            networks:
              default:
                labels:
                  io.smoke.test: "true"

            """);
        try
        {
            await stack.RunAsync("up", "-d");
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("down", "-v", "--remove-orphans", "--timeout", "1");
        }
        finally
        {
            foreach (var container in await Engine.ListContainersAsync([$"{ComposeLabels.Project}={Project}"]))
            {
                await Engine.RemoveContainerAsync(container.Id);
            }

            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-p", Project, "-f", File, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker-compose {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
