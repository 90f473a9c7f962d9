using Smoke.Stack.Engine;

namespace Smoke.Stack.Images;

/// <summary>Pulls an image and says why not instead of throwing, so each caller decides whether a failed pull is fatal.</summary>
internal sealed class RegistryPull(DockerEngineClient engine, TimeSpan firstAnswerTimeout, Action<string>? log)
{
    /// <summary>Null when the pull worked, else why not. The deadline only covers the registry's first answer: a slow download is fine.</summary>
    public async Task<string?> TryAsync(string image, CancellationToken cancellationToken)
    {
        using var firstAnswer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        firstAnswer.CancelAfter(firstAnswerTimeout);
        log?.Invoke($"pulling {image}");
        try
        {
            await engine.PullImageAsync(
                image,
                line =>
                {
                    firstAnswer.CancelAfter(Timeout.InfiniteTimeSpan);
                    log?.Invoke(line);
                },
                firstAnswer.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer from the registry within {firstAnswerTimeout.TotalSeconds:0}s";
        }
        catch (DockerEngineApiException ex)
        {
            return ex.EngineMessage;
        }
    }
}
