using Sample;

return await SampleApp.RunAsync(args);

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
