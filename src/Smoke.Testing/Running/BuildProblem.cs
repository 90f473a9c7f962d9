namespace Smoke.Testing.Running;

/// <summary>Why a project did not build: the compiler's error lines for it, and the end of the build output.</summary>
internal sealed record BuildProblem(string Note, IReadOnlyList<string> OutputTail);
