using Smoke.Stack.Compose;
using Smoke.Stack.Sessions;

namespace Smoke.Stack.Tests.Compose;

public sealed class ComposeProjectTests
{
    [Theory]
    [InlineData("Smoke Run #42", "smokerun42")]
    [InlineData("my_stack-1", "my_stack-1")]
    [InlineData("--Leading.Dashes", "leadingdashes")]
    [InlineData("_x", "x")]
    public void Project_names_are_normalised_to_what_both_compose_versions_accept(string given, string expected)
    {
        Assert.Equal(expected, ComposeProjectName.Normalize(given));
    }

    [Fact]
    public void A_project_name_without_letters_or_digits_is_refused_with_an_example()
    {
        var error = Assert.Throws<ArgumentException>(() => ComposeProjectName.Normalize("--__"));

        Assert.Contains("use something like \"smoke-local\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_run_gets_a_project_name_of_its_own()
    {
        var one = new ComposeProject(["docker-compose.services.yml"], StackSession.ForCurrentProcess());
        var two = new ComposeProject(["docker-compose.services.yml"], StackSession.ForCurrentProcess());

        Assert.StartsWith("smoke-", one.Name, StringComparison.Ordinal);
        Assert.NotEqual(one.Name, two.Name);
        Assert.Equal("given", new ComposeProject(["docker-compose.services.yml"], StackSession.ForCurrentProcess(), "Given").Name);
    }

    [Fact]
    public async Task The_session_override_labels_services_the_default_network_and_own_volumes_but_not_external_ones()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """
            version: "2.4"
            services:
              api: { image: x }
              db: { image: y }
            networks:
              back: {}
              shared: { external: true }
            volumes:
              data: {}
              old: { external: true }
            """);
        var session = new StackSession("ab12cd34", 4242, "host-1", "9876");
        try
        {
            var yaml = SessionOverride.Render(ComposeFileModel.Read([file]), session);

            Assert.Equal(
                """
                version: "2.4"
                services:
                  api:
                    labels:
                      io.smoke.session: ab12cd34
                      io.smoke.owner.pid: "4242"
                      io.smoke.owner.host: host-1
                      io.smoke.owner.started: "9876"
                  db:
                    labels:
                      io.smoke.session: ab12cd34
                      io.smoke.owner.pid: "4242"
                      io.smoke.owner.host: host-1
                      io.smoke.owner.started: "9876"
                networks:
                  back:
                    labels:
                      io.smoke.session: ab12cd34
                      io.smoke.owner.pid: "4242"
                      io.smoke.owner.host: host-1
                      io.smoke.owner.started: "9876"
                  default:
                    labels:
                      io.smoke.session: ab12cd34
                      io.smoke.owner.pid: "4242"
                      io.smoke.owner.host: host-1
                      io.smoke.owner.started: "9876"
                volumes:
                  data:
                    labels:
                      io.smoke.session: ab12cd34
                      io.smoke.owner.pid: "4242"
                      io.smoke.owner.host: host-1
                      io.smoke.owner.started: "9876"

                """.ReplaceLineEndings("\n"),
                yaml.ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Pulling api (127.0.0.1:1/smoke/sample:nope)...\nERROR: Get \"http://127.0.0.1:1/v2/\": connection refused", "api")]
    [InlineData("Creating p_db_1 ... done\nERROR: for worker  Cannot start service worker: oci runtime error", "worker")]
    [InlineData(" api Pulling \n api Error pull access denied for smoke/sample", "api")]
    [InlineData(" ✘ worker Error Get \"http://127.0.0.1:1/v2/\": connection refused", "worker")]
    [InlineData("ERROR: Network back declared as external, but could not be found.", null)]
    public void The_service_compose_blames_is_picked_out_of_its_error_output(string standardError, string? service)
    {
        Assert.Equal(service, ComposeDriver.ExtractService(standardError));
    }
}
