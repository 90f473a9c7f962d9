namespace Smoke.Stack.Engine;

internal sealed record ContainerInspectionNetwork(Dictionary<string, List<ContainerInspectionBinding>?>? Ports);
