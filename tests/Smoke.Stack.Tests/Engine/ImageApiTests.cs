using System.Formats.Tar;
using Smoke.Stack.Engine;
using Smoke.Stack.Sessions;

namespace Smoke.Stack.Tests.Engine;

public sealed class ImageApiTests
{
    [Fact]
    public async Task A_root_filesystem_tar_is_imported_tagged_listed_and_removed()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var tag = $"smoke-test/import:{StackSession.NewRunId()}";
        var copy = $"smoke-test/import-copy:{StackSession.NewRunId()}";
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt") { DataStream = new MemoryStream("hello"u8.ToArray()) };
            await writer.WriteEntryAsync(entry);
        }

        tar.Position = 0;

        var id = await client.ImportImageAsync(tar, tag, ["LABEL io.smoke.test=true"]);
        await client.TagImageAsync(tag, copy);
        var listed = await client.ListImagesAsync(reference: "smoke-test/import*");
        var details = await client.TryInspectImageAsync(copy);
        await client.RemoveImageAsync(copy);
        await client.RemoveImageAsync(tag);

        Assert.StartsWith("sha256:", id, StringComparison.Ordinal);
        Assert.Contains(listed, image => image.Id == id && image.RepoTags.Contains(tag) && image.RepoTags.Contains(copy));
        Assert.Equal(id, details?.Id);
        Assert.Equal("true", details?.Labels["io.smoke.test"]);
        Assert.Null(await client.TryInspectImageAsync(tag));
    }

    [Fact]
    public async Task Pulling_from_a_registry_that_does_not_answer_says_so()
    {
        using var client = DockerEngineClient.FromEnvironment();

        var error = await Assert.ThrowsAsync<DockerEngineApiException>(() => client.PullImageAsync("127.0.0.1:1/smoke-test/nothing:1"));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres:16", "postgres", "16", "postgres:16")]
    [InlineData("registry:5000/team/app", "registry:5000/team/app", "latest", "registry:5000/team/app:latest")]
    [InlineData("registry:5000/team/app:1.2", "registry:5000/team/app", "1.2", "registry:5000/team/app:1.2")]
    [InlineData("app@sha256:abc", "app", "@sha256:abc", "app@sha256:abc")]
    public void Image_references_split_into_repository_and_tag(string reference, string repository, string tag, string shown)
    {
        var parsed = ImageReference.Parse(reference);

        Assert.Equal((repository, tag), (parsed.Repository, parsed.Tag));
        Assert.Equal(shown, parsed.ToString());
    }
}
