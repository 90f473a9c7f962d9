namespace Smoke.Stack.Validation;

/// <summary>What <see cref="ComposeValidator"/> checks: a compose file in one environment profile.</summary>
public sealed record ComposeValidationRequest
{
    private readonly bool? _isDevProfile;

    /// <summary>The compose file, e.g. <c>docker-compose.services.yml</c>.</summary>
    public required string ComposeFile { get; init; }

    /// <summary>The environment profile: dev, ci, staging, production...</summary>
    public string Profile { get; init; } = "dev";

    /// <summary>True for a throwaway local stack, where development credentials are expected; defaults to <c>Profile == "dev"</c>.</summary>
    public bool IsDevProfile
    {
        get => _isDevProfile ?? string.Equals(Profile, "dev", StringComparison.OrdinalIgnoreCase);
        init => _isDevProfile = value;
    }

    /// <summary>The profile's env files (<c>.env.&lt;profile&gt;</c>), read in order; a later file overrides an earlier one.</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    /// <summary>Variables that override the env files, as the process environment does for compose.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Variables the profile must set to a non-empty value.</summary>
    public IReadOnlyList<string> RequiredVariables { get; init; } = [];

    /// <summary>Smoke test projects (a directory holding one .csproj, or the .csproj itself); relative paths start at <see cref="BaseDirectory"/>.</summary>
    public IReadOnlyList<string> SmokeTestProjects { get; init; } = [];

    public SmokeLabelConventions LabelConventions { get; init; } = SmokeLabelConventions.Default;

    /// <summary>The development env file whose secret values must not reach other profiles; defaults to <c>.env.dev</c> beside the compose file.</summary>
    public string? DevEnvFile { get; init; }

    /// <summary>Where relative smoke test project paths start; defaults to the compose file's directory.</summary>
    public string? BaseDirectory { get; init; }
}
