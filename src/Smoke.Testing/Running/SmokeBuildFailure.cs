namespace Smoke.Testing.Running;

/// <summary>A smoke test project that did not build, and why; a run given its build reports it as build failed.</summary>
public sealed record SmokeBuildFailure
{
    internal SmokeBuildFailure(string projectPath, BuildProblem problem)
    {
        ProjectPath = projectPath;
        Problem = problem;
    }

    /// <summary>The project file name without <c>.csproj</c>, e.g. <c>Smoke.Database.Tests</c>.</summary>
    public string Name => TestSelection.ProjectName(ProjectPath);

    /// <summary>The full path of the project file.</summary>
    public string ProjectPath { get; }

    /// <summary>
    /// The compiler's errors for this project, or those of a shared dependency or the restore that may have stopped
    /// it, and what to do; secrets masked. The run's <see cref="SmokeProjectResult.Note"/> for the project.
    /// </summary>
    public string Note => Problem.Note;

    /// <summary>The last lines of the build output, secrets masked.</summary>
    public IReadOnlyList<string> OutputTail => Problem.OutputTail;

    internal BuildProblem Problem { get; }
}
