using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

public sealed class SecretMaskTests
{
    [Fact]
    public void Values_of_variables_named_like_secrets_are_masked_and_endpoints_are_not()
    {
        var mask = SecretMask.For(
            new Dictionary<string, string>
            {
                ["SMOKE_POSTGRES_PASSWORD"] = "pg-pass",
                ["SMOKE_API_TOKEN"] = "tok-123",
                ["SMOKE_API_URL"] = "http://127.0.0.1:49153/",
            },
            ["explicit-secret"]);

        Assert.Equal(
            "pw *** token *** url http://127.0.0.1:49153/ other ***",
            mask.Apply("pw pg-pass token tok-123 url http://127.0.0.1:49153/ other explicit-secret"));
    }

    [Fact]
    public void A_secret_containing_another_is_masked_whole()
    {
        var mask = new SecretMask(["abc", "abcdef"]);

        Assert.Equal("*** and ***", mask.Apply("abcdef and abc"));
    }
}
