using Smoke.Shared;

namespace Smoke.Stack.Tests.Validation;

public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("RABBITMQ_DEFAULT_PASS")]
    [InlineData("db_passwd")]
    [InlineData("SSH_PASSPHRASE")]
    [InlineData("MYSQL_PWD")]
    [InlineData("SAMPLE_API_TOKEN")]
    [InlineData("ClientSecret")]
    [InlineData("SIGNING_KEY")]
    [InlineData("AWS_CREDENTIALS")]
    public void Names_that_say_they_hold_a_secret_do(string name) => Assert.True(SecretNames.HoldsSecret(name));

    [Theory]
    [InlineData("PWD")]
    [InlineData("OLDPWD")]
    [InlineData("POSTGRES_HOST")]
    [InlineData("SAMPLE_QUEUE")]
    [InlineData("RELEASE_TAG")]
    public void Other_names_and_the_shells_directories_do_not(string name) => Assert.False(SecretNames.HoldsSecret(name));
}
