using Smoke.Pipeline;

namespace Smoke.Build;

/// <summary>The bundled sample platform's app, published for its image only when its sources changed.</summary>
internal sealed partial class Build
{
    /// <summary>Publishes the sample platform for its image; the provisioner hashes the output, so an unchanged app is not rebuilt.</summary>
    /// <remarks>
    /// A publish is not byte-for-byte repeatable, so publishing unchanged sources again would change the image's content
    /// hash and rebuild it; a stamp of the sources' content keeps the earlier output instead.
    /// </remarks>
    async Task<string> PublishSampleAsync(CancellationToken cancellationToken)
    {
        var output = Path.Combine(TemporaryDirectory, "sample-app");
        var stamp = Path.Combine(TemporaryDirectory, "sample-app.stamp");
        var inputs = await SampleInputsHashAsync(cancellationToken);
        if (Directory.Exists(output) && File.Exists(stamp) && await File.ReadAllTextAsync(stamp, cancellationToken) == inputs)
        {
            Log.Info("the sample app's sources are unchanged since its last publish; reusing it");
            return output;
        }

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        File.Delete(stamp);
        await Tool.RunAsync(
            DotNet,
            ["publish", Path.Combine(RootDirectory, "src", "Sample", "Sample.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", output, "-nologo", "-v:quiet"],
            quiet: true,
            cancellationToken: cancellationToken);
        await File.WriteAllTextAsync(stamp, inputs, cancellationToken);
        return output;
    }

    async Task<string> SampleInputsHashAsync(CancellationToken cancellationToken)
    {
        var sample = Path.Combine(RootDirectory, "src", "Sample");
        var files = Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(sample, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Concat(new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" }.Select(name => Path.Combine(RootDirectory, name)))
            .Order(StringComparer.Ordinal);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(RootDirectory, file) + "\n"));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    sealed record KeptStack(string Name, string RunId);
}
