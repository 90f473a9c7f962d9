namespace Smoke.Pipeline;

internal enum LogLevel
{
    Debug,
    Info,
    Success,
    Warning,
    Error,
}
