using System.Collections.Concurrent;

namespace Smoke.Pipeline;

/// <summary>
/// Runs a plan. A target does not run when a dependency failed or did not run; after a failure the build stops
/// unless the failed target proceeds after failure, and then its dependents run too; assured targets run anyway, even
/// after cancellation. What to do with each target is decided in Executor.Decisions.cs.
/// </summary>
internal sealed partial class Executor(PipelineBuild build, BuildOutput output, TimeProvider clock, bool parallel) : IDisposable
{
    private readonly Lock gate = new();

    /// <summary>Cancelled when the build stops after a failure: a background target still running then is not waited out.</summary>
    private readonly CancellationTokenSource stopped = new();

    private readonly Dictionary<TargetNode, TargetOutcome> outcomes = [];
    private readonly ConcurrentQueue<TargetOutput> finishedInBackground = new();
    private string? stoppedBy;

    public Task RunAsync(IReadOnlyList<PlannedTarget> plan, CancellationToken interrupted, CancellationToken aborted) =>
        parallel ? RunConcurrentlyAsync(plan, interrupted, aborted) : RunSequentiallyAsync(plan, interrupted, aborted);

    /// <summary>
    /// One target after another, except background targets: each starts as a task and the loop goes on; a target
    /// waits only for the background targets among its predecessors. Their output is written between two targets.
    /// </summary>
    private async Task RunSequentiallyAsync(IReadOnlyList<PlannedTarget> plan, CancellationToken interrupted, CancellationToken aborted)
    {
        var background = new Dictionary<TargetNode, Task>();
        foreach (var target in plan)
        {
            var predecessors = target.Node.Predecessors.Where(background.ContainsKey).Select(p => background[p]).ToArray();
            if (target.Node.Definition.RunsInBackground)
            {
                // Task.Run rather than a bare call: a synchronous Executes would otherwise hold the loop until it returned.
                background[target.Node] = Task.Run(
                    async () =>
                    {
                        await Task.WhenAll(predecessors).ConfigureAwait(false);
                        await RunAsync(target, plan, interrupted, aborted, inBackground: true).ConfigureAwait(false);
                    },
                    CancellationToken.None);
                continue;
            }

            await Task.WhenAll(predecessors).ConfigureAwait(false);
            WriteFinishedInBackground();
            await RunAsync(target, plan, interrupted, aborted, inBackground: false).ConfigureAwait(false);
            WriteFinishedInBackground();
        }

        await Task.WhenAll(background.Values).ConfigureAwait(false);
        WriteFinishedInBackground();
    }

    private async Task RunConcurrentlyAsync(IReadOnlyList<PlannedTarget> plan, CancellationToken interrupted, CancellationToken aborted)
    {
        // The plan is in topological order, so every predecessor's task exists before its successor's.
        var running = new Dictionary<TargetNode, Task>();
        foreach (var target in plan)
        {
            var predecessors = target.Node.Predecessors.Where(running.ContainsKey).Select(p => running[p]).ToArray();
            running[target.Node] = Task.Run(
                async () =>
                {
                    await Task.WhenAll(predecessors).ConfigureAwait(false);
                    await RunAsync(target, plan, interrupted, aborted, inBackground: false).ConfigureAwait(false);
                },
                CancellationToken.None);
        }

        await Task.WhenAll(running.Values).ConfigureAwait(false);
    }

    /// <summary>Called only between two foreground targets and at the end, so a background target's lines never land inside one.</summary>
    private void WriteFinishedInBackground()
    {
        while (finishedInBackground.TryDequeue(out var finished))
        {
            finished.Flush();
        }
    }

    private async Task RunAsync(
        PlannedTarget target,
        IReadOnlyList<PlannedTarget> plan,
        CancellationToken interrupted,
        CancellationToken aborted,
        bool inBackground)
    {
        var definition = target.Node.Definition;
        if (Decide(target, plan, interrupted, aborted) is { } decided)
        {
            Record(target, decided);
            return;
        }

        if (definition.Actions.Count == 0 && definition.DynamicConditions.Count == 0)
        {
            Record(target, new TargetOutcome(target.Name, TargetStatus.Collective, TimeSpan.Zero));
            return;
        }

        var targetOutput = new TargetOutput(output, buffered: parallel || inBackground);
        var grouped = !parallel;
        Log.Sink = targetOutput;
        targetOutput.WriteLines(output.Host.TargetStarted(target.Name, grouped));
        var startedAt = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        using var stoppedOrInterrupted = inBackground && !definition.IsAssured
            ? CancellationTokenSource.CreateLinkedTokenSource(interrupted, stopped.Token)
            : null;
        var token = stoppedOrInterrupted?.Token ?? (definition.IsAssured ? aborted : interrupted);
        TargetStatus status;
        string? note = null;
        var failureExitCode = ExitCodes.TargetFailed;
        try
        {
            if (definition.DynamicConditions.FirstOrDefault(c => !c.Evaluate()) is { } unmet)
            {
                status = TargetStatus.Skipped;
                note = $"condition false: {unmet.Text}";
                Log.Info($"Skipped: {unmet.Text} is false.");
            }
            else
            {
                foreach (var action in definition.Actions)
                {
                    token.ThrowIfCancellationRequested();
                    await action(token).ConfigureAwait(false);
                }

                status = definition.Actions.Count == 0 ? TargetStatus.Collective : TargetStatus.Succeeded;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            status = TargetStatus.Cancelled;
            note = definition.IsAssured ? "aborted by a second interrupt"
                : interrupted.IsCancellationRequested ? "interrupted"
                : $"cancelled: the build stopped after {stoppedBy} failed";
            Log.Warn($"Target '{target.Name}' was {note}.");
        }
#pragma warning disable CA1031 // A target's failure of any kind is reported as that target failing, never as a crash of the build.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // A deliberate failure says what went wrong in its message; anything else is unexpected, so its type is shown.
            var failure = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
            var message = failure is BuildFailedException ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
            failureExitCode = (failure as BuildFailedException)?.ExitCode ?? ExitCodes.TargetFailed;
            status = TargetStatus.Failed;
            note = FirstLine(message);
            Log.Error($"Target '{target.Name}' failed: {message}");
            Log.Debug(failure.ToString());
        }

        var duration = clock.GetElapsedTime(started);
        targetOutput.WriteLines(output.Host.TargetFinished(target.Name, grouped));
        if (inBackground)
        {
            finishedInBackground.Enqueue(targetOutput);
        }
        else
        {
            targetOutput.Flush();
        }

        var exitCode = status switch
        {
            TargetStatus.Failed => failureExitCode,
            TargetStatus.Succeeded => RecoveryExitCode(target.Node),
            _ => 0,
        };
        Record(target, new TargetOutcome(target.Name, status, duration, note) { InBackground = inBackground, Start = startedAt, ExitCode = exitCode });
    }

    /// <summary>The exit code of a recovery target that just succeeded, when the target it recovers from failed; otherwise 0.</summary>
    private int RecoveryExitCode(TargetNode node)
    {
        lock (gate)
        {
            return node.Recovery is var (failed, exitCode) && outcomes.TryGetValue(failed, out var outcome) && outcome.Status == TargetStatus.Failed
                ? exitCode
                : 0;
        }
    }

    private void Record(PlannedTarget target, TargetOutcome outcome)
    {
        var stopsTheBuild = false;
        lock (gate)
        {
            outcomes[target.Node] = outcome;
            if (outcome.Status == TargetStatus.Failed && !target.Node.Definition.ProceedsAfterFailure && stoppedBy is null)
            {
                stoppedBy = target.Name;
                stopsTheBuild = true;
            }
        }

        if (stopsTheBuild)
        {
            // Outside the lock: cancellation runs callbacks, which may record outcomes of their own.
            stopped.Cancel();
        }

        build.Record(target.Position, outcome);
    }

    public void Dispose() => stopped.Dispose();

    private static string FirstLine(string message) => message.ReplaceLineEndings("\n").Split('\n')[0];
}
