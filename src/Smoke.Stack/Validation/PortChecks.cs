using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>Published ports: each host port used once, and only on 127.0.0.1 (an error in the ci profile).</summary>
internal static class PortChecks
{
    /// <summary>Checks every service's ports and returns what each publishes, for the label checks.</summary>
    public static ILookup<string, PortPublication> Check(ComposeDocument project, string profile, ProblemList problems)
    {
        var publications = new List<PortPublication>();
        foreach (var service in project.Services)
        {
            switch (service.Definition["ports"])
            {
                case null:
                    break;
                case YamlSequenceNode ports:
                    foreach (var entry in ports.Children)
                    {
                        if (PortSyntax.Read(project, service, entry, out var error) is { } publication)
                        {
                            publications.Add(publication);
                        }
                        else
                        {
                            problems.Error(ConfigRule.MalformedEntry, project.At(entry),
                                $"port of service \"{service.Name}\" cannot be read: {error}. Write it as \"127.0.0.1::<container port>\" " +
                                "for a random loopback port, or \"127.0.0.1:<host port>:<container port>\"");
                        }
                    }

                    break;
                case var other:
                    problems.Error(ConfigRule.MalformedEntry, project.At(other),
                        $"ports: of service \"{service.Name}\" is not a list: write one \"- 127.0.0.1::<container port>\" line per port");
                    break;
            }
        }

        ReportCollisions(project, publications, problems);
        ReportNonLoopback(project, publications, profile, problems);
        return publications.ToLookup(publication => publication.Service.Name, StringComparer.Ordinal);
    }

    private static void ReportCollisions(ComposeDocument project, List<PortPublication> publications, ProblemList problems)
    {
        var taken = new Dictionary<(string Protocol, int Port), List<PortPublication>>();
        foreach (var publication in publications.Where(publication => publication.HasExplicitHostPorts))
        {
            var host = publication.Host!.Value;
            var clashes = new HashSet<PortPublication>(ReferenceEqualityComparer.Instance);
            for (var port = host.First; port <= host.Last; port++)
            {
                var key = (publication.Protocol, port);
                if (!taken.TryGetValue(key, out var holders))
                {
                    taken[key] = holders = [];
                }

                foreach (var holder in holders.Where(holder => Overlap(holder, publication)))
                {
                    if (clashes.Add(holder))
                    {
                        var first = project.At(holder.Node);
                        var who = holder.Service == publication.Service
                            ? $"service \"{publication.Service.Name}\" twice (also line {first.Line})"
                            : $"both \"{holder.Service.Name}\" (line {first.Line}) and \"{publication.Service.Name}\"";
                        problems.Error(ConfigRule.HostPortCollision, project.At(publication.Node),
                            $"host port {port}/{publication.Protocol} is published by {who}, so the second container fails to start: " +
                            $"give one of them another host port, or let Docker pick one with \"127.0.0.1::{publication.Container}\"");
                    }
                }

                holders.Add(publication);
            }
        }
    }

    private static bool Overlap(PortPublication first, PortPublication second) =>
        first.HostIp == second.HostIp || first.IsOnAllInterfaces || second.IsOnAllInterfaces;

    private static void ReportNonLoopback(ComposeDocument project, List<PortPublication> publications, string profile, ProblemList problems)
    {
        var isCi = string.Equals(profile, "ci", StringComparison.OrdinalIgnoreCase);
        foreach (var publication in publications.Where(publication => !publication.IsOnLoopback))
        {
            var where = publication.IsOnAllInterfaces ? "on every network interface" : $"on {publication.HostIp}";
            problems.Add(isCi ? ConfigProblemSeverity.Error : ConfigProblemSeverity.Warning, ConfigRule.PortNotOnLoopback, project.At(publication.Node),
                $"service \"{publication.Service.Name}\" publishes container port {publication.Container} {where}, reachable from other machines" +
                $"{(isCi ? " (an error in the ci profile)" : "")}: publish it on loopback only, as \"{publication.LoopbackSpelling}\"");
        }
    }
}
