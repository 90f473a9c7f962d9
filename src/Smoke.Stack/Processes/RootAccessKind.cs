namespace Smoke.Stack.Processes;

public enum RootAccessKind
{
    None,
    Root,
    Sudo,
}
