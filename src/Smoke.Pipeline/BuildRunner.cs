using System.Linq.Expressions;

namespace Smoke.Pipeline;

internal sealed class BuildRunner<TBuild>(PipelineOptions options, Expression<Func<TBuild, Target>>[] defaultTargets)
    where TBuild : PipelineBuild, new()
{
    public Task<int> RunAsync(string[] args, CancellationToken interrupted, CancellationToken aborted)
    {
        _ = (options, defaultTargets, args, interrupted, aborted);
        return Task.FromResult(2);
    }
}
