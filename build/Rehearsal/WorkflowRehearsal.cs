using System.Text.RegularExpressions;
using Smoke.Pipeline;
using YamlDotNet.RepresentationModel;

namespace Smoke.Build.Rehearsal;

/// <summary>
/// Runs a generated workflow's jobs as GitHub's hosted runner would, as the non-root <see cref="RunnerAccount"/>: each
/// job, and each entry of its matrix, in a fresh clone; its <c>run:</c> steps in order (after a failed step only
/// <c>if: always()</c> steps); upload-artifact keeps the paths under the artifact's name and download-artifact gives
/// them back. Checkout is the clone and setup-dotnet the machine's SDK.
/// </summary>
internal sealed partial class WorkflowRehearsal(string repository, string workDirectory, IReadOnlyDictionary<string, string> environment)
{
    string Artifacts => Path.Combine(workDirectory, "artifacts");

    /// <summary>Runs every job; returns the failed ones as "workflow/job (matrix)" (empty when all are green).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(string workflowFile, CancellationToken cancellationToken)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(workflowFile))
        {
            yaml.Load(reader);
        }

        var workflow = Path.GetFileNameWithoutExtension(workflowFile);
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var failed = new List<string>();
        foreach (var (id, job) in jobs.Children.Select(pair => (((YamlScalarNode)pair.Key).Value!, (YamlMappingNode)pair.Value)).OrderBy(pair => pair.Item2.Children.ContainsKey("needs")))
        {
            foreach (var matrix in MatrixOf(job))
            {
                var name = $"{workflow}/{id}{(matrix.Count == 0 ? "" : $" ({string.Join(", ", matrix.Select(m => $"{m.Key}={m.Value}"))})")}";
                Log.Info($"rehearsal: job {name}");
                if (!await RunJobAsync(job, matrix, cancellationToken))
                {
                    failed.Add(name);
                }
            }
        }

        return failed;
    }

    /// <summary>A fresh clone of the repository's HEAD, owned by the runner, as actions/checkout leaves it.</summary>
    public async Task<string> CloneAsync(CancellationToken cancellationToken)
    {
        var clone = Path.Combine(workDirectory, $"job-{Guid.NewGuid():N}"[..12]);
        await Tool.RunAsync("git", ["clone", "--quiet", "--no-hardlinks", repository, clone], quiet: true, cancellationToken: cancellationToken);
        await Tool.RunAsync("chown", ["-R", $"{RunnerAccount.Name}:{RunnerAccount.Name}", workDirectory], quiet: true, cancellationToken: cancellationToken);
        return clone;
    }

    async Task<bool> RunJobAsync(YamlMappingNode job, IReadOnlyDictionary<string, string> matrix, CancellationToken cancellationToken)
    {
        var clone = await CloneAsync(cancellationToken);
        var green = true;
        foreach (var step in ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
        {
            if (!green && Scalar(step, "if") != "always()")
            {
                continue;
            }

            if (Scalar(step, "run") is { } run)
            {
                var line = Expand(run, matrix);
                Log.Info($"rehearsal: $ {line}");
                green &= (await RunnerAccount.RunAsync(line, clone, environment, allowFailure: true, cancellationToken)).ExitCode == 0;
            }
            else if (Scalar(step, "uses") is { } uses && step.Children.TryGetValue("with", out var node) && node is YamlMappingNode with)
            {
                if (uses.StartsWith("actions/upload-artifact", StringComparison.Ordinal))
                {
                    Upload(clone, Expand(Scalar(with, "name")!, matrix), Scalar(with, "path")!);
                }
                else if (uses.StartsWith("actions/download-artifact", StringComparison.Ordinal))
                {
                    await DownloadAsync(clone, Scalar(with, "pattern")!, Scalar(with, "path")!, cancellationToken);
                }
            }
        }

        return green;
    }

    void Upload(string clone, string name, string paths)
    {
        foreach (var path in paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var source = Path.Combine(clone, path);
            if (Directory.Exists(source))
            {
                Copy(source, Path.Combine(Artifacts, name, path));
            }
        }
    }

    async Task DownloadAsync(string clone, string pattern, string path, CancellationToken cancellationToken)
    {
        var matcher = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$");
        foreach (var artifact in Directory.Exists(Artifacts) ? Directory.EnumerateDirectories(Artifacts) : [])
        {
            if (matcher.IsMatch(Path.GetFileName(artifact)))
            {
                // upload-artifact@v4 stores the paths relative to their common root, so a download holds test-results/ and smoke/.
                Copy(Path.Combine(artifact, "artifacts"), Path.Combine(clone, path, Path.GetFileName(artifact)));
            }
        }

        await Tool.RunAsync("chown", ["-R", $"{RunnerAccount.Name}:{RunnerAccount.Name}", clone], quiet: true, cancellationToken: cancellationToken);
    }

    static void Copy(string source, string target)
    {
        foreach (var file in Directory.Exists(source) ? Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories) : [])
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    static IEnumerable<IReadOnlyDictionary<string, string>> MatrixOf(YamlMappingNode job)
    {
        if (!job.Children.TryGetValue("strategy", out var strategy) || !((YamlMappingNode)strategy).Children.TryGetValue("matrix", out var matrix))
        {
            return [new Dictionary<string, string>()];
        }

        // The generated workflows have one matrix key (shard); a second would need the cross product.
        var (key, values) = ((YamlMappingNode)matrix).Children.Select(pair => (((YamlScalarNode)pair.Key).Value!, (YamlSequenceNode)pair.Value)).Single();
        return values.Children.Select(value => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [key] = ((YamlScalarNode)value).Value! });
    }

    static string Expand(string text, IReadOnlyDictionary<string, string> matrix) =>
        MatrixExpression().Replace(text, match => matrix.TryGetValue(match.Groups["key"].Value, out var value) ? value : match.Value);

    static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode { Value: { } text } ? text : null;

    [GeneratedRegex(@"\$\{\{\s*matrix\.(?<key>[A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex MatrixExpression();
}
