namespace Smoke.Build.Tests.EndToEnd;

/// <summary>Runs of ./build.sh share the checkout's artifacts/ and .nuke/temp/, so they take turns.</summary>
[CollectionDefinition(nameof(BuildRunsCollection), DisableParallelization = true)]
public sealed class BuildRunsCollection;
