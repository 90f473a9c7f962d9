using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class EnvFileTests
{
    [Fact]
    public void Read_gives_the_variables_as_compose_reads_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smoke-env-{Guid.NewGuid():N}");
        File.WriteAllLines(path,
        [
            "# a comment",
            "",
            "POSTGRES_PASSWORD=\"quoted pass\"",
            "export API_TOKEN='single'",
            "PLAIN=value # trailing comment",
            "not a variable line",
            "PLAIN=later wins",
            "EMPTY=",
        ]);
        try
        {
            var variables = EnvFile.Read(path);

            Assert.Equal("quoted pass", variables["POSTGRES_PASSWORD"]);
            Assert.Equal("single", variables["API_TOKEN"]);
            Assert.Equal("later wins", variables["PLAIN"]);
            Assert.Equal("", variables["EMPTY"]);
            Assert.Equal(4, variables.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_of_a_missing_file_gives_no_variables() =>
        Assert.Empty(EnvFile.Read(Path.Combine(Path.GetTempPath(), $"smoke-env-missing-{Guid.NewGuid():N}")));
}
