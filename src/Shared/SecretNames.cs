namespace Smoke.Shared;

/// <summary>
/// Which variable names hold a secret, the one list: the masker of smoke test output, the redaction of container
/// diagnostics, the check for development credentials and the build's own masking all ask here. A name holds a secret
/// when it contains one of <see cref="Parts"/> in any case (POSTGRES_PASSWORD, API_TOKEN, DB_PWD, SIGNING_KEY), except
/// the shell's own PWD and OLDPWD, which hold directories.
/// </summary>
internal static class SecretNames
{
    /// <summary>PASS also covers PASSWORD, PASSWD and PASSPHRASE.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["PASS", "PWD", "SECRET", "TOKEN", "KEY", "CREDENTIAL"];

    private static readonly string[] Directories = ["PWD", "OLDPWD"];

    public static bool HoldsSecret(string name) =>
        !Directories.Contains(name, StringComparer.Ordinal)
        && Parts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
}
