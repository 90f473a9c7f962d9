using Smoke.Stack.Compose;
using Smoke.Stack.Readiness;

namespace Smoke.Release;

/// <summary>
/// The long-lived stack of one environment, as a deploy and a rollback change it. <see cref="ComposeEnvironmentStack"/>
/// is the real one; tests of the flows may pass their own.
/// </summary>
public interface IEnvironmentStack
{
    /// <summary>The application services (those whose image takes the release's tag) and the image each runs in <paramref name="release"/>.</summary>
    /// <exception cref="DeployFailedException">No service takes the release's tag, so no release could change anything.</exception>
    IReadOnlyDictionary<string, string> ImagesOf(string release);

    /// <summary>Makes sure every image is on the engine, pulling it when images come from a registry.</summary>
    /// <param name="what">What cannot happen without them, e.g. <c>release v42 cannot be deployed to "staging"</c>.</param>
    /// <exception cref="DeployFailedException">An image is missing; the message says how to make it.</exception>
    Task EnsureImagesExistAsync(IReadOnlyDictionary<string, string> images, string what, CancellationToken cancellationToken);

    /// <summary>The environment's compose project running <paramref name="images"/>; the services no release changes keep theirs.</summary>
    Task<ComposeProject> ProjectAsync(IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken);

    /// <summary>Moves the stack to <paramref name="project"/>, saying so: compose recreates only the services whose image changed.</summary>
    Task MoveToAsync(ComposeProject project, string release, CancellationToken cancellationToken);

    /// <summary>Brings <paramref name="images"/> back and waits for every service, as a rollback does.</summary>
    Task<ReadinessReport> BringBackAsync(IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken);

    /// <summary>What runs, one entry per container, for messages.</summary>
    Task<string> DescribeRunningAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Leaves the state of every container in <c>environment-&lt;name&gt;.json</c> under <paramref name="directory"/>, and the
    /// log of each that is not running, with <paramref name="secrets"/> masked; returns <see cref="DescribeRunningAsync"/>.
    /// </summary>
    Task<string> WriteDiagnosticsAsync(string directory, IReadOnlyList<string> secrets, CancellationToken cancellationToken);
}
