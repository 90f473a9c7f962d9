using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>Per-service basics: something to run, durations compose can parse, and keys docker-compose 1.29 rejects.</summary>
internal static class ServiceDefinitionChecks
{
    private static readonly string[] HealthcheckDurations = ["interval", "timeout", "start_period", "start_interval"];

    public static void Check(ComposeDocument project, ProblemList problems)
    {
        CheckTopLevelKeys(project, problems);
        foreach (var service in project.Services)
        {
            if (!service.Definition.Contains("image") && !service.Definition.Contains("build"))
            {
                problems.Error(ConfigRule.NoImageOrBuild, project.At(service.NameNode),
                    $"service \"{service.Name}\" has neither image: nor build:, so compose has nothing to run: " +
                    "add image: <name>:<tag>, or build: <directory with a Dockerfile>");
            }

            if (service.Definition["healthcheck"] is YamlMappingNode healthcheck)
            {
                CheckHealthcheck(project, service, new MergedMapping(healthcheck), problems);
            }

            if (service.Definition["stop_grace_period"] is { } grace)
            {
                CheckDuration(project, service, "stop_grace_period", grace, problems);
            }
        }
    }

    private static void CheckTopLevelKeys(ComposeDocument project, ProblemList problems)
    {
        if (project.Root.KeyNode("name") is { } name)
        {
            problems.Warning(ConfigRule.NeedsComposeV2, project.At(name),
                "the top-level name: needs Compose v2 (docker compose); docker-compose 1.29 rejects the whole file: " +
                "remove it and pass the project name with -p (Smoke does)");
        }

        if (project.Root.KeyNode("include") is { } include)
        {
            problems.Warning(ConfigRule.NeedsComposeV2, project.At(include),
                "the top-level include: needs Compose v2.20 or later; docker-compose 1.29 rejects the whole file: " +
                "pass the other files with extra -f options instead");
        }
    }

    private static void CheckHealthcheck(ComposeDocument project, ComposeService service, MergedMapping healthcheck, ProblemList problems)
    {
        foreach (var key in HealthcheckDurations)
        {
            if (healthcheck[key] is { } value)
            {
                CheckDuration(project, service, $"healthcheck {key}", value, problems);
            }
        }

        if (healthcheck.KeyNode("start_interval") is { } startInterval)
        {
            problems.Warning(ConfigRule.NeedsComposeV2, project.At(startInterval),
                $"healthcheck start_interval of service \"{service.Name}\" needs Compose v2.24 or later and Docker Engine 25 or later; " +
                "docker-compose 1.29 rejects the whole file: remove it and shorten interval, or rely on start_period");
        }
    }

    private static void CheckDuration(ComposeDocument project, ComposeService service, string what, YamlNode node, ProblemList problems)
    {
        var text = project.Text(node);
        if (node is not YamlScalarNode || !ComposeDuration.TryParse(text, out _))
        {
            var hint = text is not null && int.TryParse(text, out var seconds) ? $" (\"{seconds}s\" for {seconds} seconds)" : "";
            problems.Error(ConfigRule.InvalidDuration, project.At(node),
                $"{what} of service \"{service.Name}\" is \"{text ?? "not a scalar"}\", which is not a duration: " +
                $"write a number with a unit, such as {ComposeDuration.Examples}{hint}");
        }
    }
}
