using System.Net.Http.Json;

namespace Sample.Generator;

/// <summary>Calls the generator (GENERATOR_URL) for one stage of a job.</summary>
internal sealed class GeneratorClient(HttpClient http)
{
    public async Task<GenerateResponse> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("generate", request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new GeneratorFailedException(
                $"generator at {http.BaseAddress} answered {(int)response.StatusCode} {response.ReasonPhrase} to the {request.Stage} stage of job {request.JobId}");
        }

        return await response.Content.ReadFromJsonAsync<GenerateResponse>(cancellationToken)
            ?? throw new GeneratorFailedException($"generator at {http.BaseAddress} answered the {request.Stage} stage of job {request.JobId} with an empty body");
    }
}
