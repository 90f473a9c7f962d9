namespace Smoke.Stack.Validation;

/// <summary>
/// One thing wrong with the stack's configuration, pointing at the file, line and column (1-based) to fix.
/// <paramref name="File"/> is null when the problem has no file (a variable missing from the environment);
/// <paramref name="Line"/> and <paramref name="Column"/> are null when it concerns a whole file.
/// </summary>
/// <param name="Rule">A stable id such as <c>SMK011</c> (see <see cref="ConfigRule"/> and docs/validation.md).</param>
/// <param name="Message">What is wrong, where and what to do; never holds a secret value.</param>
public sealed record ConfigProblem(
    ConfigProblemSeverity Severity,
    string Rule,
    string Message,
    string? File,
    int? Line,
    int? Column);
