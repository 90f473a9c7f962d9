using Smoke.Pipeline;

namespace Smoke.Build;

/// <summary>
/// The Smoke pipeline. One partial class, one file per concern: this file holds the targets every
/// .NET repository has (restore, compile, test, clean); the stack, smoke, release and package
/// targets live beside it.
/// </summary>
internal sealed partial class Build : PipelineBuild
{
    public static int Main(string[] args) => GenerateWorkflowsWhenAsked(args) ?? Execute<Build>(args, x => x.Smoke);

    [Parameter("Configuration to build: Debug or Release")]
    public string Configuration { get; set; } = "Debug";

    string Solution => Path.Combine(RootDirectory, "Smoke.sln");

    string ArtifactsDirectory => Path.Combine(RootDirectory, "artifacts");

    static string DotNet => Environment.GetEnvironmentVariable("SMOKE_DOTNET") is { Length: > 0 } path ? path : "dotnet";

    Target Restore => _ => _
        .Description("Restore the NuGet packages of the solution")
        .Executes(async ct => await Tool.RunAsync(DotNet, ["restore", Solution, "-nologo"], cancellationToken: ct));

    Target Compile => _ => _
        .Description("Compile the solution with warnings as errors")
        .DependsOn(Restore)
        .Executes(async ct => await Tool.RunAsync(
            DotNet,
            ["build", Solution, "--no-restore", "-nologo", "-c", Configuration, "-clp:NoSummary"],
            cancellationToken: ct));

    Target Clean => _ => _
        .Description("Remove build outputs, artifacts and every stack, network and volume Smoke created on this engine")
        .Before(Restore)
        .Executes(async ct =>
        {
            foreach (var directory in CleanableDirectories())
            {
                Directory.Delete(directory, recursive: true);
                Log.Info($"removed {Path.GetRelativePath(RootDirectory, directory)}");
            }

            await RemoveAllStacksAsync(ct);
        });

    IEnumerable<string> CleanableDirectories()
    {
        if (Directory.Exists(ArtifactsDirectory))
        {
            yield return ArtifactsDirectory;
        }

        foreach (var top in new[] { "src", "tests", "build" })
        {
            var root = Path.Combine(RootDirectory, top);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
                         .Where(d => Path.GetFileName(d) is "bin" or "obj")
                         .ToList())
            {
                if (Directory.Exists(directory))
                {
                    yield return directory;
                }
            }
        }
    }
}
