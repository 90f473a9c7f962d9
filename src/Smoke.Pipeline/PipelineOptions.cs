namespace Smoke.Pipeline;

/// <summary>Where a build runs and writes; the defaults are the real process's console, directory, environment and clock.</summary>
public sealed record PipelineOptions
{
    /// <summary>Where every line goes; the console when null.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where the search for <c>.nuke/</c> starts; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The environment variables the build sees; the process environment when null. A whole map rather than a lookup,
    /// because parameters match any spelling of their name (<c>SMOKE_MY_PARAM</c>, <c>smoke_myparam</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Whether to write ANSI colours; when null, only to a terminal and not when NO_COLOR is set.</summary>
    public bool? Colors { get; init; }

    /// <summary>Measures durations; tests pass a clock that advances in fixed steps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
