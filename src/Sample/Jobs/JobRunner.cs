using Sample.Generator;

namespace Sample.Jobs;

/// <summary>Runs a job's stages against the generator, each stage fed the previous stage's images.</summary>
internal sealed class JobRunner(GeneratorClient generator)
{
    public async Task<IReadOnlyList<string>> RunAsync(Guid jobId, JobSpec spec, CancellationToken cancellationToken)
    {
        var outputs = new List<string>();
        IReadOnlyList<string> inputs = [];
        foreach (var stage in spec.Stages)
        {
            var response = await generator.GenerateAsync(
                new GenerateRequest(jobId, stage, spec.Prompt, spec.Width, spec.Height, spec.Steps, inputs),
                cancellationToken);
            outputs.AddRange(response.Images);
            inputs = response.Images;
        }

        return outputs;
    }
}
