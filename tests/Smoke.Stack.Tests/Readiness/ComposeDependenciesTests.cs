using Smoke.Stack.Readiness;

namespace Smoke.Stack.Tests.Readiness;

public sealed class ComposeDependenciesTests
{
    [Fact]
    public void Both_the_list_and_the_mapping_form_of_depends_on_are_read()
    {
        var graph = ComposeDependencies.Parse("""
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
            """);

        Assert.Empty(graph["db"]);
        Assert.Equal(["db"], graph["migrate"]);
        Assert.Equal(["migrate", "db"], graph["api"]);
    }

    [Fact]
    public async Task The_bundled_platform_makes_api_and_worker_wait_for_migrations_and_their_backends()
    {
        var graph = await ComposeDependencies.ReadFilesAsync([Path.Combine(RepositoryRoot(), "docker-compose.services.yml")]);

        Assert.Equal(["migrate", "postgres", "rabbitmq", "generator"], graph["api"]);
        Assert.Equal(["postgres"], graph["migrate"]);
        Assert.Empty(graph["generator"]);
    }

    [Fact]
    public void Broken_yaml_is_a_format_error_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => ComposeDependencies.Parse("services:\n  api: [\n"));

        Assert.StartsWith("the compose YAML cannot be read at line", error.Message, StringComparison.Ordinal);
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
}
