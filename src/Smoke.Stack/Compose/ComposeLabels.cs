namespace Smoke.Stack.Compose;

/// <summary>The labels both compose versions put on what they create; containers are found by these, never by name.</summary>
public static class ComposeLabels
{
    public const string Project = "com.docker.compose.project";
    public const string Service = "com.docker.compose.service";
    public const string OneOff = "com.docker.compose.oneoff";
    public const string ContainerNumber = "com.docker.compose.container-number";
}
