namespace Smoke.Stack.Sessions;

public enum SweptResourceKind
{
    Container,
    Network,
    Volume,
}
