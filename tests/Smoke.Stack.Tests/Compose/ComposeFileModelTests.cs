using Smoke.Stack.Compose;

namespace Smoke.Stack.Tests.Compose;

public sealed class ComposeFileModelTests
{
    [Fact]
    public void Both_the_list_and_the_mapping_form_of_depends_on_are_read()
    {
        var graph = ComposeFileModel.Parse("""
            services:
              db:
                image: postgres
              migrate:
                image: app
                depends_on: [db]
              api:
                image: app
                depends_on:
                  migrate:
                    condition: service_completed_successfully
                  db:
                    condition: service_healthy
            """).DependsOn;

        Assert.Empty(graph["db"]);
        Assert.Equal(["db"], graph["migrate"]);
        Assert.Equal(["migrate", "db"], graph["api"]);
    }

    [Fact]
    public void The_bundled_platform_makes_api_and_worker_wait_for_migrations_and_their_backends()
    {
        var model = ComposeFileModel.Read([Path.Combine(RepositoryRoot(), "docker-compose.services.yml")]);

        Assert.Equal(["migrate", "postgres", "rabbitmq", "generator"], model.DependsOn["api"]);
        Assert.Equal(["postgres"], model.DependsOn["migrate"]);
        Assert.Empty(model.DependsOn["generator"]);
        Assert.Contains("${POSTGRES_IMAGE", model.Find("postgres")!.Image, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_are_kept_as_written_and_a_service_that_builds_says_so()
    {
        var model = ComposeFileModel.Parse("""
            services:
              api:
                image: ${SAMPLE_IMAGE}:${RELEASE_TAG:-dev}
              tool:
                build: ./tool
              bare: {}
            """);

        Assert.Equal(new ComposeServiceDefinition("api", "${SAMPLE_IMAGE}:${RELEASE_TAG:-dev}", false, []), model.Find("api"), new DefinitionComparer());
        Assert.True(model.Find("tool")!.Builds);
        Assert.Null(model.Find("bare")!.Image);
        Assert.Null(model.Find("missing"));
    }

    [Fact]
    public void Later_files_merge_into_earlier_ones_as_compose_merges_them()
    {
        var directory = Directory.CreateTempSubdirectory("smoke-model-").FullName;
        try
        {
            var first = Path.Combine(directory, "a.yml");
            var second = Path.Combine(directory, "b.yml");
            File.WriteAllText(first, "version: '3.8'\nservices:\n  api:\n    image: app:1\n    depends_on: [db]\n  db:\n    image: postgres\nnetworks:\n  front: {}\n  shared:\n    external: true\nvolumes:\n  data: {}\n");
            File.WriteAllText(second, "services:\n  api:\n    image: app:2\n    depends_on: [cache]\n  cache:\n    image: redis\nvolumes:\n  data: {}\n  logs: {}\n");

            var model = ComposeFileModel.Read([first, second]);

            Assert.Equal("3.8", model.Version);
            Assert.Equal(["api", "db", "cache"], model.Services.Select(s => s.Name));
            Assert.Equal("app:2", model.Find("api")!.Image);
            Assert.Equal(["db", "cache"], model.DependsOn["api"]);
            Assert.Equal(["front"], model.Networks);
            Assert.Equal(["shared"], model.ExternalNetworks);
            Assert.Equal(["data", "logs"], model.Volumes);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Broken_yaml_is_a_format_error_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => ComposeFileModel.Parse("services:\n  api: [\n"));

        Assert.StartsWith("the compose YAML cannot be read at line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_whose_top_level_is_not_a_mapping_is_not_a_compose_file()
    {
        var error = Assert.Throws<FormatException>(() => ComposeFileModel.Parse("- just\n- a list\n", "list.yml"));

        Assert.Contains("list.yml is not a compose file: its top level must be a mapping", error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docker-compose.services.yml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no docker-compose.services.yml above {AppContext.BaseDirectory}");
    }

    /// <summary>Records compare lists by reference; this compares the dependencies' contents.</summary>
    private sealed class DefinitionComparer : IEqualityComparer<ComposeServiceDefinition?>
    {
        public bool Equals(ComposeServiceDefinition? x, ComposeServiceDefinition? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Image == y.Image && x.Builds == y.Builds && x.DependsOn.SequenceEqual(y.DependsOn);

        public int GetHashCode(ComposeServiceDefinition? obj) => obj?.Name.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
