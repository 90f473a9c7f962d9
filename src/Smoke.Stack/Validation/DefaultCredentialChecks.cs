using Smoke.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>
/// Outside the dev profile: no well-known default credentials (postgres/postgres, guest/guest), however the compose
/// file names the variables that feed them, and no secret value copied from the development env file. Messages name
/// the variable, never its value.
/// </summary>
internal static class DefaultCredentialChecks
{
    public static async Task CheckAsync(
        ComposeValidationRequest request,
        ProfileVariables variables,
        ComposeDocument? project,
        ProblemList problems,
        CancellationToken cancellationToken)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        if (project is not null)
        {
            CheckContainerEnvironments(request.Profile, variables, project, reported, problems);
        }

        CheckProfileVariables(request.Profile, variables, project, reported, problems);
        await CheckDevelopmentValuesAsync(request, variables, project, reported, problems, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckContainerEnvironments(
        string profile, ProfileVariables variables, ComposeDocument project, HashSet<string> reported, ProblemList problems)
    {
        foreach (var service in project.Services)
        {
            var environment = Environment(project, service, variables);
            foreach (var credential in KnownDefaultCredential.All)
            {
                if (!environment.TryGetValue(credential.PasswordKey, out var password) || password.Value != credential.DefaultPassword)
                {
                    continue;
                }

                var user = environment.GetValueOrDefault(credential.UserKey);
                if ((user is null ? credential.DefaultUser : user.Value) != credential.DefaultUser)
                {
                    continue;
                }

                var key = password.FedBy.Count > 0 ? string.Join(",", password.FedBy) : $"{service.Name}/{credential.PasswordKey}";
                if (!reported.Add(key))
                {
                    continue;
                }

                var fedBy = (user?.FedBy ?? []).Concat(password.FedBy).Distinct(StringComparer.Ordinal).ToList();
                var origin = fedBy.Count == 0
                    ? "written into the compose file"
                    : "from " + string.Join(" and ", fedBy.Select(name => Describe(name, variables)));
                var location = password.FedBy.Select(variables.Find).FirstOrDefault(variable => variable?.File is not null)?.Location
                    ?? project.At(password.Node);
                problems.Error(ConfigRule.DefaultCredential, location,
                    $"service \"{service.Name}\" gets {credential.Product}'s well-known default user and password in " +
                    $"{credential.UserKey}/{credential.PasswordKey} ({origin}) in profile \"{profile}\": " +
                    "set a real user and password for this profile from its secret store");
            }
        }
    }

    private static void CheckProfileVariables(
        string profile, ProfileVariables variables, ComposeDocument? project, HashSet<string> reported, ProblemList problems)
    {
        foreach (var credential in KnownDefaultCredential.All)
        {
            // When the compose file uses the variable, the container check above saw what it really resolves to.
            if (project?.Values.UsesOf(credential.PasswordKey).Count > 0
                || variables.Find(credential.PasswordKey) is not { } password
                || password.Value != credential.DefaultPassword
                || (variables.ValueOf(credential.UserKey) ?? credential.DefaultUser) != credential.DefaultUser
                || !reported.Add(credential.PasswordKey))
            {
                continue;
            }

            problems.Error(ConfigRule.DefaultCredential, password.Location,
                $"{credential.UserKey}/{credential.PasswordKey} hold {credential.Product}'s well-known default user and password " +
                $"({password.Origin}) in profile \"{profile}\": set a real user and password for this profile from its secret store");
        }
    }

    private static async Task CheckDevelopmentValuesAsync(
        ComposeValidationRequest request,
        ProfileVariables variables,
        ComposeDocument? project,
        HashSet<string> reported,
        ProblemList problems,
        CancellationToken cancellationToken)
    {
        var devEnvFile = request.DevEnvFile
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(request.ComposeFile)) ?? ".", ".env.dev");
        var devEntries = await EnvFile.ReadAsync(devEnvFile, mustExist: request.DevEnvFile is not null, problems, cancellationToken)
            .ConfigureAwait(false);
        var devSecrets = (devEntries ?? [])
            .Where(entry => entry.Value.Length > 0 && SecretNames.HoldsSecret(entry.Name))
            .ToList();
        if (devSecrets.Count == 0)
        {
            return;
        }

        var candidates = variables.FromEnvFiles.Select(variable => variable.Name)
            .Concat(devSecrets.Select(secret => secret.Name))
            .Concat(request.RequiredVariables)
            .Concat(project?.Values.Used ?? [])
            .Distinct(StringComparer.Ordinal);
        foreach (var name in candidates)
        {
            if (variables.Find(name) is not { Value.Length: > 0 } variable)
            {
                continue;
            }

            var sources = devSecrets.Where(secret => secret.Value == variable.Value).Select(secret => secret.Name).ToList();
            if (sources.Count == 0 || !reported.Add(name))
            {
                continue;
            }

            var location = variable.File is not null
                ? variable.Location
                : project?.Values.UsesOf(name).FirstOrDefault() ?? SourceLocation.Nowhere;
            problems.Error(ConfigRule.DefaultCredential, location,
                $"{name} ({variable.Origin}) holds the development value of {string.Join(" and ", sources)} from {Path.GetFileName(devEnvFile)} " +
                $"in profile \"{request.Profile}\"; development values are public in the repository: " +
                "set a real secret for this profile from its secret store");
        }
    }

    private static string Describe(string name, ProfileVariables variables) =>
        variables.Find(name) is { } variable ? $"{name} at {variable.Origin}" : $"{name}, unset, so the compose file's default";

    private static Dictionary<string, ContainerVariable> Environment(ComposeDocument project, ComposeService service, ProfileVariables variables)
    {
        var environment = new Dictionary<string, ContainerVariable>(StringComparer.Ordinal);
        switch (service.Definition["environment"])
        {
            case YamlMappingNode map:
                foreach (var (key, value) in new MergedMapping(map).Entries)
                {
                    environment[key.Value!] = value is YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain } && variables.Find(key.Value!) is { } passed
                        ? new ContainerVariable(key.Value!, passed.Value, [key.Value!], value)
                        : new ContainerVariable(key.Value!, project.Text(value), project.Values.VariablesIn(value), value);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    var text = project.Text(item) ?? "";
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    environment[equals < 0 ? text : text[..equals]] = equals < 0
                        ? new ContainerVariable(text, variables.ValueOf(text), [text], item)
                        : new ContainerVariable(text[..equals], text[(equals + 1)..], project.Values.VariablesIn(item), item);
                }

                break;
        }

        return environment;
    }
}
