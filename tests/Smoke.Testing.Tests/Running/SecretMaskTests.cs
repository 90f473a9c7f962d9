using Smoke.Shared;
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
        var mask = new SecretMask(["abcd", "abcdefgh"]);

        Assert.Equal("*** and ***", mask.Apply("abcdefgh and abcd"));
    }

    [Fact]
    public void Values_shorter_than_four_characters_and_blank_ones_are_not_masked()
    {
        var mask = SecretMask.For(new Dictionary<string, string> { ["PORT_KEY"] = "543", ["DB_PASSWORD"] = "   ", ["API_TOKEN"] = "t0ken" }, ["", "on"]);

        Assert.Equal(["t0ken"], mask.Values);
        Assert.Equal("port 543, flag on, token ***", mask.Apply("port 543, flag on, token t0ken"));
    }

    [Fact]
    public void A_mask_with_more_values_keeps_the_longest_first()
    {
        var mask = SecretMask.None.With(["pass"]).With(["password", "pass"]);

        Assert.Equal(["password", "pass"], mask.Values);
        Assert.Equal("*** ***", mask.Apply("password pass"));
    }
}
