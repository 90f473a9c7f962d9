namespace Smoke.Stack.Validation;

/// <summary>The profile sets every variable the pipeline requires, to something non-empty.</summary>
internal static class RequiredVariableChecks
{
    public static void Check(ComposeValidationRequest request, ProfileVariables variables, ComposeDocument? project, ProblemList problems)
    {
        foreach (var name in request.RequiredVariables.Distinct(StringComparer.Ordinal))
        {
            var variable = variables.Find(name);
            if (!string.IsNullOrEmpty(variable?.Value) || project?.Values.Unset.Contains(name) == true)
            {
                continue;
            }

            var state = variable is null ? "is not set" : $"is empty ({variable.Origin})";
            var location = variable?.File is not null
                ? variable.Location
                : project?.Values.UsesOf(name).FirstOrDefault() is { File: not null } use
                    ? use
                    : new SourceLocation(variables.EnvFiles.Count > 0 ? variables.EnvFiles[^1] : null);
            problems.Error(ConfigRule.RequiredVariableMissing, location,
                $"required variable {name} {state} in profile \"{request.Profile}\": {variables.WhereToSet(request.Profile)}");
        }
    }
}
