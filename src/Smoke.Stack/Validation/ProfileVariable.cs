namespace Smoke.Stack.Validation;

/// <summary>A variable's value in the chosen profile and where it was set: an env file line, or the environment when <paramref name="File"/> is null.</summary>
internal sealed record ProfileVariable(string Name, string Value, string? File, int? Line)
{
    public SourceLocation Location => new(File, Line, File is null ? null : 1);

    public string Origin => File is null ? "the environment" : $"{System.IO.Path.GetFileName(File)}:{Line}";
}
