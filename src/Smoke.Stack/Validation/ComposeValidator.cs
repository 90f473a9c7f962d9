namespace Smoke.Stack.Validation;

/// <summary>
/// Checks a compose file, its environment profile and the smoke test projects before anything starts: no Docker
/// engine, no network, and every problem in one run rather than the first. See docs/validation.md for each rule.
/// </summary>
public static class ComposeValidator
{
    public static async Task<ConfigValidationReport> ValidateAsync(ComposeValidationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemList();

        var variables = await ProfileVariables.LoadAsync(request.EnvFiles, request.Environment, problems, cancellationToken).ConfigureAwait(false);
        var project = await ReadComposeAsync(request, variables, problems, cancellationToken).ConfigureAwait(false);
        if (project is not null)
        {
            ServiceDefinitionChecks.Check(project, problems);
            DependencyChecks.Check(project, problems);
            var publications = PortChecks.Check(project, request.Profile, problems);
            SmokeLabelChecks.Check(project, request.LabelConventions, publications, problems);
        }

        RequiredVariableChecks.Check(request, variables, project, problems);
        if (!request.IsDevProfile)
        {
            await DefaultCredentialChecks.CheckAsync(request, variables, project, problems, cancellationToken).ConfigureAwait(false);
        }

        await SmokeProjectChecks.CheckAsync(request, problems, cancellationToken).ConfigureAwait(false);
        return new ConfigValidationReport(problems.InReadingOrder());
    }

    private static async Task<ComposeDocument?> ReadComposeAsync(
        ComposeValidationRequest request, ProfileVariables variables, ProblemList problems, CancellationToken cancellationToken)
    {
        var source = await ComposeSource.LoadAsync(Path.GetFullPath(request.ComposeFile), problems, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        var values = InterpolatedDocument.Evaluate(source, variables, request.Profile, problems);
        return ComposeDocument.Read(source, values, problems);
    }
}
