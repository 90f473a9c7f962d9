using Smoke.Release.Tests.Support;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;

namespace Smoke.Release.Tests.EnvironmentStack;

/// <summary>What the real stack reads from the compose file and asks the engine, without bringing anything up.</summary>
public sealed class ComposeEnvironmentStackTests : IDisposable
{
    private readonly ReleaseRoot _root = new();
    private readonly DockerEngineClient _engine = DockerEngineClient.FromEnvironment();
    private readonly LogLines _log = new();

    public void Dispose()
    {
        _engine.Dispose();
        _root.Dispose();
    }

    [Fact]
    public void The_release_images_are_those_of_the_services_whose_image_takes_the_release_tag()
    {
        var stack = Stack("""
            services:
              postgres: { image: "${POSTGRES_IMAGE:-postgres:16}" }
              api: { image: "${SAMPLE_IMAGE:-smoke/sample}:${RELEASE_TAG:-dev}" }
              worker: { image: "$SAMPLE_IMAGE:$RELEASE_TAG" }
              generator: { image: "${GENERATOR_IMAGE:-smoke/sample:dev}" }
            """);

        var images = stack.ImagesOf("v42");

        Assert.Equal(new Dictionary<string, string> { ["api"] = "smoke/sample:v42", ["worker"] = "smoke/sample:v42" }, images);
    }

    [Fact]
    public void The_release_repository_replaces_the_recipe_s()
    {
        var stack = Stack("services:\n  api: { image: \"${SAMPLE_IMAGE}:${RELEASE_TAG}\" }\n", repository: "registry.local:5000/shop/api");

        Assert.Equal("registry.local:5000/shop/api:v42", stack.ImagesOf("v42")["api"]);
    }

    [Fact]
    public void A_compose_file_where_no_service_takes_the_release_tag_cannot_be_deployed()
    {
        var stack = Stack("services:\n  api: { image: \"smoke/sample:dev\" }\n");

        var refused = Assert.Throws<DeployFailedException>(() => stack.ImagesOf("v42"));

        Assert.Equal(
            "no service of docker-compose.yml takes its image tag from ${RELEASE_TAG}, so there is nothing a release could change; write application services' images as ${SAMPLE_IMAGE}:${RELEASE_TAG}",
            refused.Message);
    }

    [Fact]
    public async Task A_release_image_that_is_not_on_the_engine_stops_the_deploy_saying_how_to_get_it()
    {
        var stack = Stack("services:\n  api: { image: \"${SAMPLE_IMAGE}:${RELEASE_TAG}\" }\n");
        var missing = $"smoke-release-test/never-built:{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<DeployFailedException>(
            () => stack.EnsureImagesExistAsync(new Dictionary<string, string> { ["api"] = missing }, "release v42 cannot be deployed to \"staging\"", CancellationToken.None));

        Assert.Equal(
            $"release v42 cannot be deployed to \"staging\": its image {missing} is not on the Docker engine. A release is an image that was built and published before it is deployed; " +
            $"Deploy never builds one from source. Build or pull {missing} (or pass --image-source pull to pull it from its registry), then run again. Nothing was changed in \"staging\".",
            refused.Message);
    }

    [Fact]
    public async Task An_environment_never_deployed_runs_nothing()
    {
        var stack = Stack("services:\n  api: { image: \"${SAMPLE_IMAGE}:${RELEASE_TAG}\" }\n");

        Assert.Equal("nothing (no container of its stack exists)", await stack.DescribeRunningAsync(CancellationToken.None));
        Assert.Equal("smoke-staging", stack.ProjectName);
    }

    [Fact]
    public async Task The_environment_project_runs_the_release_and_the_variables_of_the_images_step()
    {
        var stack = Stack("services:\n  api: { image: \"${SAMPLE_IMAGE}:${RELEASE_TAG}\" }\n", variables: new() { ["POSTGRES_IMAGE"] = "smoke/postgres:ab12" });

        var project = await stack.ProjectAsync(new Dictionary<string, string> { ["api"] = "smoke/sample:v42" }, CancellationToken.None);

        Assert.Equal(("smoke-staging", "staging"), (project.Name, project.Session.DeploymentEnvironment));
        Assert.Equal(("smoke/sample", "v42", "smoke/postgres:ab12"), (project.Variables["SAMPLE_IMAGE"], project.Variables["RELEASE_TAG"], project.Variables["POSTGRES_IMAGE"]));
        Assert.Equal(Path.Combine(_root.Path, "stacks", "smoke-staging"), project.StateDirectory);
    }

    private ComposeEnvironmentStack Stack(string yaml, string? repository = null, Dictionary<string, string>? variables = null)
    {
        var file = Path.Combine(_root.Path, "docker-compose.yml");
        File.WriteAllText(file, yaml);
        var options = new EnvironmentStackOptions
        {
            Environment = "staging",
            ComposeFile = file,
            WorkingDirectory = _root.Path,
            StacksDirectory = Path.Combine(_root.Path, "stacks"),
            Repository = repository,
            ImageVariables = variables ?? [],
            ImageSource = ImageSource.Offline,
        };
        return new ComposeEnvironmentStack(
            options,
            _engine,
            _ => throw new InvalidOperationException("these tests never run compose"),
            (_, _) => throw new InvalidOperationException("these tests never wait"),
            _log.Log);
    }
}
