namespace Smoke.Build.Workflows;

/// <summary>
/// <c>./build.sh --generate-workflows</c>, handled before the engine sees the arguments: it writes the declared workflow files
/// and runs no target.
/// </summary>
internal static class WorkflowCommandLine
{
    public const string Flag = "--generate-workflows";

    /// <summary>Null when the flag is absent (the build runs as usual); otherwise the exit code of generating.</summary>
    public static int? Run(string[] args, Type buildType, Func<IReadOnlyCollection<string>> targets, string workingDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (!args.Contains(Flag, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (args.Length > 1)
        {
            output.WriteLine($"error: {Flag} runs alone; it got {string.Join(' ', args)}. Run ./build.sh {Flag}, then the targets.");
            return 2;
        }

        var root = RootDirectory(workingDirectory);
        IReadOnlyDictionary<string, string> files;
        try
        {
            files = WorkflowFiles.Render(buildType, targets());
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 2;
        }

        var changed = WorkflowFiles.Write(root, files);
        foreach (var path in files.Keys)
        {
            output.WriteLine($"{path}: {(changed.Contains(path) ? "written" : "up to date")}");
        }

        foreach (var path in changed.Where(p => !files.ContainsKey(p)))
        {
            output.WriteLine($"{path}: deleted (no longer declared)");
        }

        if (files.Count == 0)
        {
            output.WriteLine($"{buildType.Name} declares no [GitHubWorkflow]; nothing to write.");
        }

        return 0;
    }

    private static string RootDirectory(string start)
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
}
