namespace Smoke.Stack.Validation;

/// <summary>What an <c>io.smoke.*</c> label's value must look like.</summary>
public enum SmokeLabelKind
{
    /// <summary><c>&lt;port&gt;/&lt;path&gt;</c>, probed over HTTP on the published port: <c>8080/healthz/ready</c>.</summary>
    HttpProbe,

    /// <summary>A container port, probed with a TCP connect on the published port: <c>5432</c>.</summary>
    TcpPort,

    /// <summary>A .NET regular expression matched against the container log.</summary>
    Regex,

    /// <summary>A positive compose duration: <c>90s</c>, <c>1m30s</c>, <c>500ms</c>.</summary>
    Duration,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Any text.</summary>
    Text,
}
