using System.Linq.Expressions;

namespace Smoke.Pipeline;

/// <summary>One run of a build, from arguments to exit code: bind parameters, plan, execute, summarise.</summary>
internal sealed class BuildRunner<TBuild>(PipelineOptions options, Expression<Func<TBuild, Target>>[] defaultTargets)
    where TBuild : PipelineBuild, new()
{
    private readonly EnvironmentVariables environment = options.Environment is { } variables ? new(variables) : EnvironmentVariables.OfProcess();

    public async Task<int> RunAsync(string[] args, CancellationToken interrupted, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = new BuildOutput(options.Output ?? Console.Out, CreateHost());
        Log.Sink = output;
        try
        {
            return await RunAsync(args, output, interrupted, aborted).ConfigureAwait(false);
        }
        catch (BuildFailedException e)
        {
            Log.Error(e.Message);
            return e.ExitCode;
        }
#pragma warning disable CA1031 // Whatever goes wrong outside a target is reported and becomes exit code 1, never a crash or -1.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.Error($"The build itself failed: {e.GetType().Name}: {e.Message}");
            Log.Debug(e.ToString());
            return ExitCodes.TargetFailed;
        }
    }

    private async Task<int> RunAsync(string[] args, BuildOutput output, CancellationToken interrupted, CancellationToken aborted)
    {
        var started = options.Clock.GetTimestamp();
        var build = new TBuild();
        var root = FindRootDirectory(options.WorkingDirectory ?? Directory.GetCurrentDirectory());
        build.Initialize(root, IsTrue("GITHUB_ACTIONS") || IsTrue("CI"));

        var parameters = ParameterMember.Discover(typeof(TBuild));
        var targetNames = TargetCatalog.Properties(typeof(TBuild)).Select(p => p.Name).ToList();
        BuildSchema.Update(Path.Combine(root, ".nuke", "build.schema.json"), BuildSchema.Create(parameters, targetNames));

        var commandLine = CommandLineArguments.Parse(
            args,
            key => parameters.FirstOrDefault(p => p.Key == key) is { } parameter && ParameterValues.IsFlag(parameter.Type));
        var sources = new ParameterBinder(parameters, root, environment).Bind(build, commandLine);
        output.AddSecrets(parameters.Where(p => p.IsSecret).SelectMany(secret => Values(secret.GetValue(build))));
        if (environment.IgnoredNotice(parameters) is { } ignored)
        {
            Log.Info(ignored);
        }

        output.Verbose = build.Verbose;

        var targets = TargetCatalog.Define(build);
        Cycles.Reject(targets);
        var defaults = TargetNames.Resolve(defaultTargets.Select(DefaultTargetName), targets);
        var invoked = commandLine.Help ? [] : TargetNames.Resolve(commandLine.Targets.Concat(build.InvokedTargets), targets);
        if (commandLine.Help || (invoked.Count == 0 && defaults.Count == 0))
        {
            // As in NUKE, a build with nothing to run answers with its help rather than an error.
            output.WriteLines(HelpText.Lines(targets, [.. defaults.Select(d => d.Name)], parameters, sources, build));
            return ExitCodes.Succeeded;
        }

        var plan = Planner.Plan(targets, invoked, defaults);
        SkipRules.Apply(plan, build.SkippedTargets is { } skipped ? TargetNames.Resolve(skipped, targets) : null);
        if (commandLine.Plan)
        {
            await WritePlanAsync(plan, build, output).ConfigureAwait(false);
            return ExitCodes.Succeeded;
        }

        var unmet = UnmetRequirements(plan, parameters).ToList();
        if (unmet.Count > 0)
        {
            unmet.ForEach(message => Log.Error(message));
            Log.Error($"{(unmet.Count == 1 ? "A requirement is" : $"{unmet.Count} requirements are")} not met; nothing ran.");
            return ExitCodes.InvalidUsage;
        }

        using (interrupted.Register(build.MarkCancelled))
        {
            using var executor = new Executor(build, output, options.Clock, build.Parallel);
            await executor.RunAsync(plan, interrupted, aborted).ConfigureAwait(false);
        }

        return await FinishAsync(build, output, started, interrupted.IsCancellationRequested).ConfigureAwait(false);
    }

    private async Task<int> FinishAsync(PipelineBuild build, BuildOutput output, long started, bool wasInterrupted)
    {
        // A specific code (2 and up, from a failure or a recovery) wins over the engine's own 1 and 130; the highest wins.
        var outcomes = build.Outcomes;
        var specific = outcomes.Select(o => o.ExitCode).Where(code => code > ExitCodes.TargetFailed).DefaultIfEmpty().Max();
        var exitCode = specific > 0 ? specific
            : wasInterrupted ? ExitCodes.Interrupted
            : outcomes.Any(o => o.Status is TargetStatus.Failed or TargetStatus.Cancelled) ? ExitCodes.TargetFailed
            : ExitCodes.Succeeded;
        var verdict = SummaryTable.Verdict(outcomes, options.Clock.GetElapsedTime(started), wasInterrupted, specific > 0 ? specific : null);
        output.WriteLines(SummaryTable.Lines(outcomes, verdict, output.Host));
        await output.Host.PublishSummaryAsync(output.Mask.Apply(SummaryTable.Markdown(outcomes, verdict)), CancellationToken.None).ConfigureAwait(false);

        try
        {
            build.NotifyBuildFinished();
        }
#pragma warning disable CA1031 // A failing hook must still leave a meaningful exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.Error($"OnBuildFinished failed: {e.GetType().Name}: {e.Message}");
            return exitCode == ExitCodes.Succeeded ? ExitCodes.TargetFailed : exitCode;
        }

        return exitCode;
    }

    private static async Task WritePlanAsync(IReadOnlyList<PlannedTarget> plan, PipelineBuild build, BuildOutput output)
    {
        output.WriteLines(PlanDocument.Lines(plan));
        Directory.CreateDirectory(build.TemporaryDirectory);
        var planPath = Path.Combine(build.TemporaryDirectory, "plan.md");
        await File.WriteAllTextAsync(planPath, PlanDocument.Mermaid(plan), CancellationToken.None).ConfigureAwait(false);
        output.WriteLines([$"Mermaid graph written to {Path.GetRelativePath(build.RootDirectory, planPath)}"]);
    }

    private static IEnumerable<string> UnmetRequirements(IReadOnlyList<PlannedTarget> plan, IReadOnlyList<ParameterMember> parameters)
    {
        foreach (var target in plan.Where(t => t.SkipReason is null))
        {
            foreach (var requirement in target.Node.Definition.Requirements.Where(r => !r.IsMet()))
            {
                if (requirement.Parameter is { } member && parameters.FirstOrDefault(p => p.MemberName == member.Name) is { } parameter)
                {
                    yield return parameter.IsSecret
                        ? $"Target '{target.Name}' requires the secret parameter '{parameter.Name}': set {string.Join(" or ", parameter.EnvironmentNames)} "
                            + "in the environment (a secret is never read from a parameters file)."
                        : $"Target '{target.Name}' requires parameter '{parameter.Name}': pass {parameter.OptionName} <value>, "
                            + $"set {string.Join(" or ", parameter.EnvironmentNames)}, or add \"{parameter.Name}\" to .nuke/parameters.json.";
                }
                else
                {
                    yield return $"Target '{target.Name}' cannot run: requirement not met: {requirement.Text}.";
                }
            }
        }
    }

    private static string DefaultTargetName(Expression<Func<TBuild, Target>> expression) =>
        (expression.Body as MemberExpression)?.Member.Name
        ?? throw new UsageException($"Default target '{expression}' must name a Target property, like x => x.Test.");

    private static IEnumerable<string> Values(object? value) => value switch
    {
        null => [],
        string text => [text],
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? ""),
        _ => [value.ToString() ?? ""],
    };

    private static string FindRootDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return Path.GetFullPath(start);
    }

    private BuildHost CreateHost()
    {
        if (IsTrue("GITHUB_ACTIONS"))
        {
            return new GitHubActionsHost(environment.Get("GITHUB_STEP_SUMMARY"));
        }

        var terminal = options.Output is null && !Console.IsOutputRedirected;
        var colors = options.Colors ?? (terminal && string.IsNullOrEmpty(environment.Get("NO_COLOR")));
        return new TerminalHost(colors, liveDisplay: terminal && string.IsNullOrEmpty(environment.Get("CI")));
    }

    private bool IsTrue(string variable) => environment.Get(variable) is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
