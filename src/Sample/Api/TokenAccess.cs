namespace Sample.Api;

/// <summary>What a bearer token allows: reading jobs, or reading and creating them.</summary>
internal enum TokenAccess
{
    Read,
    Write,
}
