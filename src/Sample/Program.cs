using Sample;
using Sample.Health;

// `Sample probe <url>` is the container healthcheck: the image needs no curl.
if (args is ["probe", var url])
{
    return await HealthProbe.RunAsync(url, CancellationToken.None);
}

return await SampleApp.RunAsync(args);

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
