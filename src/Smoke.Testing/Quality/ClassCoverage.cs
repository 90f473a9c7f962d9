namespace Smoke.Testing.Quality;

/// <summary>The coverable lines of one class (compiler-made classes such as async state machines included) in one source file.</summary>
/// <param name="Name">The class name as coverlet writes it, e.g. <c>Smoke.Stack.Compose.ComposeDriver/&lt;UpAsync&gt;d__12</c>.</param>
/// <param name="File">The absolute path of the source file.</param>
public sealed record ClassCoverage(string Name, string File, IReadOnlyList<CoverageLine> Lines);
