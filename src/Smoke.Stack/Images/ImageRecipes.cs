namespace Smoke.Stack.Images;

/// <summary>The images in docker/, as docker/README.md describes them.</summary>
public static class ImageRecipes
{
    public static IReadOnlyList<ImageRecipe> Bundled { get; } =
    [
        new("postgres", "docker/postgres", "smoke/postgres", new Dictionary<string, string> { ["POSTGRES_IMAGE"] = "{image}" })
        {
            OfficialImage = "postgres:16",
        },
        new("rabbitmq", "docker/rabbitmq", "smoke/rabbitmq", new Dictionary<string, string> { ["RABBITMQ_IMAGE"] = "{image}" })
        {
            OfficialImage = "rabbitmq:3-management",
        },
        new(
            "sample",
            "docker/sample",
            "smoke/sample",
            new Dictionary<string, string> { ["SAMPLE_IMAGE"] = "{repository}", ["RELEASE_TAG"] = "{release}", ["GENERATOR_IMAGE"] = "{image}" })
        {
            PullableBase = "debian:bookworm-slim",
            PublishedAppPath = "app",
            OptionalBuildArgs = ["SAMPLE_FAULT"],
        },
    ];
}
