namespace Smoke.Stack.Validation;

/// <summary>How bad a <see cref="ConfigProblem"/> is: errors stop the run, warnings are reported and the run goes on.</summary>
public enum ConfigProblemSeverity
{
    Error,
    Warning,
}
