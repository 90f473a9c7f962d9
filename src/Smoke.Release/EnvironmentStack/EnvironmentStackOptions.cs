using Smoke.Stack.Compose;
using Smoke.Stack.Images;

namespace Smoke.Release;

/// <summary>What the stack of an environment is made of: its compose file and variables, and where its images come from.</summary>
public sealed record EnvironmentStackOptions
{
    /// <summary>The environment; its compose project is <c>smoke-&lt;environment&gt;</c>.</summary>
    public required string Environment { get; init; }

    public required string ComposeFile { get; init; }

    /// <summary>The compose file as the build read it once; read from <see cref="ComposeFile"/> (once) when not given.</summary>
    public ComposeFileModel? Compose { get; init; }

    /// <summary>The project directory compose resolves relative paths from; messages name files relative to it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Where each project's generated files go (the session override), one folder per project.</summary>
    public required string StacksDirectory { get; init; }

    /// <summary>Passed to compose as <c>--env-file</c> when set.</summary>
    public string? EnvFile { get; init; }

    /// <summary>The variables the Images step set, e.g. <c>POSTGRES_IMAGE</c>; a release's own variables are added to them.</summary>
    public IReadOnlyDictionary<string, string> ImageVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The recipe of the application's image: which variable takes the repository (<c>{repository}</c>), which the
    /// release's tag (<c>{release}</c>), and which name a companion image made from the app (<c>{image}</c>).
    /// </summary>
    public ImageRecipe AppRecipe { get; init; } = ImageRecipes.Bundled.First(recipe => recipe.PublishedAppPath is not null);

    /// <summary>The repository of the application images; the recipe's when null.</summary>
    public string? Repository { get; init; }

    /// <summary>With <see cref="ImageSource.Pull"/>, a missing release image is pulled; otherwise it stops the deploy.</summary>
    public ImageSource ImageSource { get; init; } = ImageSource.Auto;
}
