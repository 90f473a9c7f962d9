using Smoke.Stack.Sessions;
using YamlDotNet.Serialization;

namespace Smoke.Stack.Compose;

/// <summary>
/// A compose file, passed last with <c>-f</c>, that adds the session labels to every service, the default network
/// and every network and volume the project itself creates. Both compose versions merge labels from extra files.
/// With <c>quietHealthchecks</c>, it also slows each service's healthcheck once the service is healthy (<see cref="QuietHealthchecks"/>).
/// </summary>
internal static class SessionOverride
{
    public static string Render(ComposeFileModel compose, StackSession session, bool quietHealthchecks = false)
    {
        var labels = session.Labels.ToDictionary(l => l.Key, l => l.Value);
        var document = new Dictionary<string, object>();
        if (compose.Version is { } version)
        {
            // docker-compose 1.x refuses to merge files of different versions.
            document["version"] = version;
        }

        document["services"] = compose.Services.ToDictionary(s => s.Name, service =>
        {
            var overrides = new Dictionary<string, object> { ["labels"] = labels };
            if (quietHealthchecks && QuietHealthchecks.For(service.Healthcheck) is { } healthcheck)
            {
                overrides["healthcheck"] = healthcheck;
            }

            return (object)overrides;
        });
        document["networks"] = compose.Networks.Append("default").Distinct().Except(compose.ExternalNetworks)
            .ToDictionary(n => n, _ => (object)new Dictionary<string, object> { ["labels"] = labels });
        if (compose.Volumes.Count > 0)
        {
            document["volumes"] = compose.Volumes.ToDictionary(v => v, _ => (object)new Dictionary<string, object> { ["labels"] = labels });
        }

        return new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build().Serialize(document);
    }

    public static async Task<string> WriteAsync(ComposeProject project, bool quietHealthchecks, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(project.StateDirectory);
        await File.WriteAllTextAsync(project.SessionOverrideFile, Render(project.Model, project.Session, quietHealthchecks), cancellationToken).ConfigureAwait(false);
        return project.SessionOverrideFile;
    }
}
