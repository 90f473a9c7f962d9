namespace Sample.Jobs;

/// <summary>Checks a <see cref="JobRequest"/>; every error is keyed by the field it is about, for the 422 ProblemDetails.</summary>
internal static class JobValidation
{
    public const int MinSize = 64;
    public const int MaxSize = 2048;
    public const int MaxSteps = 150;
    public const int MaxPromptLength = 2000;

    public static JobSpec? Validate(JobRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            errors["prompt"] = ["is required and must not be blank"];
        }
        else if (request.Prompt.Length > MaxPromptLength)
        {
            errors["prompt"] = [$"must be at most {MaxPromptLength} characters"];
        }

        CheckSize(errors, "width", request.Width);
        CheckSize(errors, "height", request.Height);
        if (request.Steps is not { } steps || steps < 1 || steps > MaxSteps)
        {
            errors["steps"] = [$"is required and must be between 1 and {MaxSteps}"];
        }

        var mode = request.Mode ?? JobSpec.Direct;
        if (mode is not (JobSpec.Direct or JobSpec.Queue))
        {
            errors["mode"] = ["must be \"direct\" or \"queue\""];
        }

        if (request.PackId is { } packId && (packId.Length is 0 or > 100))
        {
            errors["packId"] = ["must be 1 to 100 characters when given"];
        }

        var stages = request.Stages ?? [JobSpec.TextToImage];
        if (stages.Count == 0 || stages[0] != JobSpec.TextToImage)
        {
            errors["stages"] = ["must start with \"txt2img\""];
        }

        for (var i = 1; i < stages.Count; i++)
        {
            if (stages[i] != JobSpec.Upscale || i != stages.Count - 1)
            {
                errors[$"stages[{i}]"] = ["only one \"upscale\" may follow \"txt2img\""];
            }
        }

        return errors.Count > 0
            ? null
            : new JobSpec(request.Prompt!.Trim(), request.Width!.Value, request.Height!.Value, request.Steps!.Value, mode, request.PackId, stages);
    }

    private static void CheckSize(Dictionary<string, string[]> errors, string field, int? value)
    {
        if (value is not { } size || size < MinSize || size > MaxSize || size % 8 != 0)
        {
            errors[field] = [$"is required and must be a multiple of 8 between {MinSize} and {MaxSize}"];
        }
    }
}
