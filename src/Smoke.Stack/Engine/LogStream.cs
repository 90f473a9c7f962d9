namespace Smoke.Stack.Engine;

public enum LogStream
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}
