namespace Smoke.GitHub.Tests;

public sealed class GitHubIntegrationTests
{
    [Fact]
    public void Without_a_token_GitHub_is_not_configured_and_says_how_to_fix_it()
    {
        using var github = GitHubIntegration.FromVariables(Variables(("GITHUB_REPOSITORY", "acme/shop")));

        Assert.False(github.IsConfigured);
        Assert.Null(github.Client);
        Assert.Equal(
            "GitHub steps skipped: no token: set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})",
            github.StatusLine);
    }

    [Fact]
    public void Without_a_repository_GitHub_is_not_configured()
    {
        using var github = GitHubIntegration.FromVariables(Variables(("GITHUB_TOKEN", "ghs_abcdef123456")));

        Assert.False(github.IsConfigured);
        Assert.StartsWith("no repository", github.NotConfiguredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_that_is_not_owner_slash_name_is_not_configured()
    {
        using var github = GitHubIntegration.Create("ghs_abcdef123456", "just-a-name");

        Assert.False(github.IsConfigured);
        Assert.Equal("GITHUB_REPOSITORY \"just-a-name\" is not owner/name", github.NotConfiguredReason);
    }

    [Fact]
    public void A_token_and_repository_give_a_client_for_the_api_url()
    {
        using var github = GitHubIntegration.FromVariables(Variables(
            ("GH_TOKEN", "ghs_abcdef123456"),
            ("GITHUB_REPOSITORY", "acme/shop"),
            ("GITHUB_API_URL", "https://ghe.acme.test/api/v3")));

        Assert.True(github.IsConfigured);
        Assert.Equal(new RepositoryName("acme", "shop"), github.Repository);
        Assert.Equal(new Uri("https://ghe.acme.test/api/v3"), github.Client.Options.BaseAddress);
        Assert.Equal("GitHub: reporting to acme/shop through https://ghe.acme.test/api/v3", github.StatusLine);
    }

    [Fact]
    public void Without_GITHUB_API_URL_the_client_talks_to_api_github_com()
    {
        using var github = GitHubIntegration.FromVariables(Variables(("GITHUB_TOKEN", "ghs_abcdef123456"), ("GITHUB_REPOSITORY", "acme/shop")));

        Assert.Equal(new Uri("https://api.github.com"), github.Client!.Options.BaseAddress);
        Assert.StartsWith("Smoke/", github.Client.Options.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_GITHUB_API_URL_is_not_configured()
    {
        using var github = GitHubIntegration.FromVariables(Variables(
            ("GITHUB_TOKEN", "ghs_abcdef123456"), ("GITHUB_REPOSITORY", "acme/shop"), ("GITHUB_API_URL", "api.github.com")));

        Assert.False(github.IsConfigured);
        Assert.Contains("GITHUB_API_URL \"api.github.com\" is not an absolute http(s) URL", github.NotConfiguredReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme/shop", true)]
    [InlineData("acme-inc/shop.web_2", true)]
    [InlineData("acme", false)]
    [InlineData("acme/shop/extra", false)]
    [InlineData("acme/", false)]
    [InlineData("ac me/shop", false)]
    public void Repository_names_are_owner_slash_name(string value, bool valid)
    {
        Assert.Equal(valid, RepositoryName.TryParse(value, out var name));
        if (valid)
        {
            Assert.Equal(value, name!.ToString());
        }
        else
        {
            Assert.Throws<FormatException>(() => RepositoryName.Parse(value));
        }
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
