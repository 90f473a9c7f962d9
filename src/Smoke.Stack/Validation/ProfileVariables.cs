namespace Smoke.Stack.Validation;

/// <summary>The variables compose would substitute in this profile: the env files in order, then the environment over them.</summary>
internal sealed class ProfileVariables
{
    private readonly Dictionary<string, ProfileVariable> _variables = new(StringComparer.Ordinal);

    private ProfileVariables(IReadOnlyList<string> envFiles) => EnvFiles = envFiles;

    public IReadOnlyList<string> EnvFiles { get; }

    /// <summary>The variables set in the profile's env files (not those from the environment), in file order.</summary>
    public IReadOnlyList<ProfileVariable> FromEnvFiles { get; private set; } = [];

    public static async Task<ProfileVariables> LoadAsync(
        IReadOnlyList<string> envFiles,
        IReadOnlyDictionary<string, string> environment,
        ProblemList problems,
        CancellationToken cancellationToken)
    {
        var variables = new ProfileVariables(envFiles);
        var fromFiles = new List<ProfileVariable>();
        foreach (var envFile in envFiles)
        {
            var entries = await EnvFile.ReadAsync(envFile, mustExist: true, problems, cancellationToken).ConfigureAwait(false);
            foreach (var entry in entries ?? [])
            {
                variables._variables[entry.Name] = entry;
                fromFiles.Add(entry);
            }
        }

        foreach (var (name, value) in environment)
        {
            variables._variables[name] = new ProfileVariable(name, value, File: null, Line: null);
        }

        variables.FromEnvFiles = fromFiles;
        return variables;
    }

    public ProfileVariable? Find(string name) => _variables.GetValueOrDefault(name);

    public string? ValueOf(string name) => Find(name)?.Value;

    /// <summary>Where to tell the user to set a variable: the profile's last env file, or the environment.</summary>
    public string WhereToSet(string profile) => EnvFiles.Count == 0
        ? $"set it in the environment or in an env file for profile \"{profile}\""
        : $"set it in {Path.GetFileName(EnvFiles[^1])} or in the environment";
}
