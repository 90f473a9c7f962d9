using System.Text;
using Smoke.Pipeline;

namespace Smoke.Build.Docs;

/// <summary>
/// docs/targets.md and docs/parameters.md, generated from the build's own targets and parameters so they cannot drift.
/// The Docs target rewrites them on a laptop and fails on a CI server when they are stale; a test fails too.
/// </summary>
internal static class ReferencePages
{
    public const string TargetsPage = "targets.md";
    public const string ParametersPage = "parameters.md";

    private const string Header = "<!-- Generated from the build by ./build.sh Docs (build/Docs/ReferencePages.cs). Do not edit: change the build and run it again. -->";

    /// <summary>File name (in docs/) and content of each generated page.</summary>
    public static IReadOnlyDictionary<string, string> Render(BuildDescription build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [TargetsPage] = Targets(build),
            [ParametersPage] = Parameters(build),
        };
    }

    /// <summary>Pages whose checked-in content differs from <paramref name="pages"/>, each with the first line that differs.</summary>
    public static IReadOnlyList<SourceProblem> Check(string rootDirectory, string docsDirectory, IReadOnlyDictionary<string, string> pages, string fix)
    {
        var problems = new List<SourceProblem>();
        foreach (var (name, content) in pages)
        {
            var path = Path.Combine(docsDirectory, name);
            var display = Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');
            if (!File.Exists(path))
            {
                problems.Add(new SourceProblem(display, null, $"generated page is missing; {fix}"));
                continue;
            }

            var actual = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
            var expected = content.Split('\n');
            var line = 0;
            while (line < actual.Length && line < expected.Length && actual[line] == expected[line])
            {
                line++;
            }

            if (line < actual.Length || line < expected.Length)
            {
                problems.Add(new SourceProblem(display, line + 1, $"generated page is stale (line {line + 1} differs from what the build declares); {fix}"));
            }
        }

        return problems;
    }

    /// <summary>Writes the pages whose content changed and returns their file names.</summary>
    public static IReadOnlyList<string> Write(string docsDirectory, IReadOnlyDictionary<string, string> pages)
    {
        var written = new List<string>();
        foreach (var (name, content) in pages)
        {
            var path = Path.Combine(docsDirectory, name);
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                Directory.CreateDirectory(docsDirectory);
                File.WriteAllText(path, content);
                written.Add(name);
            }
        }

        return written;
    }

    private static string Targets(BuildDescription build)
    {
        var text = new StringBuilder();
        text.Append(Header).Append("\n\n# Targets\n\n")
            .Append("Every target of `./build.sh`, in declaration order. Run targets by name (`./build.sh Test Docs`); ")
            .Append("`./build.sh --plan <target>` prints what would run, in order, without running it. ")
            .Append("How dependencies, triggers and failures play out is in [the engine's reference](engine.md#planning).\n\n")
            .Append("| Target | What it does |\n| --- | --- |\n");
        foreach (var target in build.Targets)
        {
            text.Append("| [").Append(target.Name).Append("](#").Append(target.Name.ToLowerInvariant()).Append(") | ")
                .Append(Cell(Text(target.Description ?? ""))).Append(" |\n");
        }

        foreach (var target in build.Targets)
        {
            text.Append("\n## ").Append(target.Name).Append("\n\n");
            if (target.Description is { Length: > 0 } description)
            {
                text.Append(Text(description.TrimEnd('.'))).Append(".\n\n");
            }

            var facts = new List<string>();
            AddEdge(facts, "Depends on", target.DependsOn);
            AddEdge(facts, "Triggers", target.Triggers);
            AddEdge(facts, "Triggered by", target.TriggeredBy);
            AddEdge(facts, "Runs after, when both are planned", target.RunsAfter);
            facts.AddRange(target.Requirements.Select(r => $"Requires: `{r}`"));
            if (target.ProceedsAfterFailure)
            {
                facts.Add("When it fails, the build carries on, and the targets that depend on it or that it triggers still run.");
            }

            if (target.WhenSkipped == DependencyBehavior.Execute)
            {
                facts.Add("When it is skipped, its dependencies still run.");
            }

            if (target.IsAssured)
            {
                facts.Add("Runs even after a failure or Ctrl+C (assured).");
            }

            if (target.IsUnlisted)
            {
                facts.Add("Hidden from `--help`; still invocable.");
            }

            if (facts.Count == 0)
            {
                facts.Add("No dependencies.");
            }

            text.Append(string.Concat(facts.Select(f => $"- {f}\n")));
        }

        return text.ToString();
    }

    private static void AddEdge(List<string> facts, string label, IReadOnlyList<string> targets)
    {
        if (targets.Count > 0)
        {
            facts.Add($"{label}: {string.Join(", ", targets.Select(t => $"[{t}](#{t.ToLowerInvariant()})"))}");
        }
    }

    private static string Parameters(BuildDescription build)
    {
        var text = new StringBuilder();
        text.Append(Header).Append("\n\n# Parameters\n\n")
            .Append("Every parameter of `./build.sh`. Each is read from, highest first: the command line (`--name value`), ")
            .Append("the environment (`SMOKE_NAME`, then `NUKE_NAME`; the name in any case, its underscores optional), `.nuke/parameters.<profile>.json` for each `--profile`, ")
            .Append("and `.nuke/parameters.json`; otherwise it keeps its default. ")
            .Append("[The engine's reference](engine.md#parameters) has the details; `./build.sh --help` shows the current values and where they came from.\n\n")
            .Append("A parameter never reads a bare `NAME`: platforms set `ENVIRONMENT`, `RELEASE` or `MODE` for their own reasons, and such a variable ")
            .Append("must not decide what is deployed, or where. The build names any such variable it ignores, once, without its value. ")
            .Append(UnprefixedExceptions(build))
            .Append("An empty variable counts as not set; an array variable is comma-separated (`SMOKE_SMOKE_PROJECTS=a,b`).\n\n")
            .Append("## Parameters of this build\n\n");
        AppendTable(text, build.Parameters.Where(p => !p.IsEngineOption));
        text.Append("\n## Engine options\n\n")
            .Append("Options every build has. Like every parameter, they read only prefixed variables (`SMOKE_SKIP`), since names like `TARGET` are common.\n\n");
        AppendTable(text, build.Parameters.Where(p => p.IsEngineOption));
        return text.ToString();
    }

    /// <summary>The parameters that opted in to a bare name; each must be one that means the parameter wherever it is set.</summary>
    private static string UnprefixedExceptions(BuildDescription build)
    {
        var unprefixed = build.Parameters
            .SelectMany(p => p.EnvironmentNames.Where(n => !n.StartsWith("SMOKE_", StringComparison.Ordinal) && !n.StartsWith("NUKE_", StringComparison.Ordinal)))
            .Select(n => $"`{n}`")
            .ToList();
        return unprefixed.Count == 0
            ? ""
            : $"The exceptions, in the Environment column, are names that mean the parameter wherever they are set: {string.Join(", ", unprefixed)}. ";
    }

    private static void AppendTable(StringBuilder text, IEnumerable<ParameterDescription> parameters)
    {
        text.Append("| Option | Environment | Default | Description |\n| --- | --- | --- | --- |\n");
        foreach (var parameter in parameters)
        {
            var option = $"`{parameter.OptionName} {parameter.ValueForm}`" + (parameter.IsSecret ? " (secret)" : "");
            var variables = string.Join(", ", parameter.EnvironmentNames.Select(n => $"`{n}`"));
            text.Append("| ").Append(Cell(option)).Append(" | ").Append(variables).Append(" | `").Append(Cell(parameter.DefaultValue))
                .Append("` | ").Append(Cell(Text(parameter.Description))).Append(" |\n");
        }
    }

    /// <summary>Descriptions are plain text: <c>&lt;profile&gt;</c> or <c>[GitHubWorkflow]</c> must not become HTML or links.</summary>
    private static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
}
