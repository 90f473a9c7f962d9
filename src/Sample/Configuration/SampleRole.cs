namespace Sample.Configuration;

/// <summary>What one process of the sample does, from SAMPLE_ROLE.</summary>
internal enum SampleRole
{
    Api,
    Worker,
    Generator,
    Migrate,
}
