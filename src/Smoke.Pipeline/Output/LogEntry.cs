namespace Smoke.Pipeline;

/// <summary>One message a target wrote; file, line and column locate warnings and errors.</summary>
internal sealed record LogEntry(LogLevel Level, string Message, string? File = null, int? Line = null, int? Column = null);
