namespace Smoke.Stack.Processes;

internal enum RootAccessKind
{
    None,
    Root,
    Sudo,
}
