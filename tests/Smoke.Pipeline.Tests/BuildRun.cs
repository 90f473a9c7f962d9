using System.Linq.Expressions;

namespace Smoke.Pipeline.Tests;

/// <summary>A build run in a scratch root directory (with .nuke/), a private environment, and captured output.</summary>
internal sealed class BuildRun : IDisposable
{
    public BuildRun()
    {
        Root = Directory.CreateTempSubdirectory("smoke-pipeline-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public Journal Journal { get; private set; } = new();

    public bool Colors { get; set; }

    public string Output { get; private set; } = "";

    public IReadOnlyList<string> Lines => Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public void WriteParameters(string json, string? profile = null) =>
        File.WriteAllText(Path.Combine(Root, ".nuke", profile is null ? "parameters.json" : $"parameters.{profile}.json"), json);

    public async Task<int> RunAsync<TBuild>(string args, CancellationToken cancellationToken = default, params Expression<Func<TBuild, Target>>[] defaultTargets)
        where TBuild : PipelineBuild, new()
    {
        Journal = new Journal();
        Journal.Current = Journal;
        using var output = new StringWriter();
        var options = new PipelineOptions
        {
            Output = output,
            WorkingDirectory = Root,
            Environment = Environment,
            Colors = Colors,
            Clock = new SteppingClock(),
        };
        var exitCode = await PipelineBuild.ExecuteAsync(
            args.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            options,
            cancellationToken,
            defaultTargets);
        Output = output.ToString();
        return exitCode;
    }

    /// <summary>Runs the build and cancels it, as Ctrl+C does, once a target signals <paramref name="signal"/>.</summary>
    public async Task<int> RunCancelledAtAsync<TBuild>(string args, string signal)
        where TBuild : PipelineBuild, new()
    {
        using var cancellation = new CancellationTokenSource();
        var build = RunAsync<TBuild>(args, cancellation.Token);
        await Journal.Signal(signal).Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();
        return await build.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
