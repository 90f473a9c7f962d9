namespace Smoke.Stack.Validation;

/// <summary>The ids of the checks <see cref="ComposeValidator"/> runs; docs/validation.md explains each one and its fix.</summary>
public static class ConfigRule
{
    public const string YamlSyntax = "SMK001";
    public const string ComposeFileUnusable = "SMK002";
    public const string MalformedEntry = "SMK003";

    public const string NoImageOrBuild = "SMK010";
    public const string UnknownDependency = "SMK011";
    public const string DependencyCycle = "SMK012";
    public const string HealthyWithoutHealthcheck = "SMK013";
    public const string HostPortCollision = "SMK014";
    public const string PortNotOnLoopback = "SMK015";
    public const string InvalidDuration = "SMK016";
    public const string VariableWithoutValue = "SMK017";
    public const string InvalidInterpolation = "SMK018";
    public const string NeedsComposeV2 = "SMK019";

    public const string UnknownSmokeLabel = "SMK020";
    public const string InvalidSmokeLabelValue = "SMK021";
    public const string WaitOnUnpublishedPort = "SMK022";

    public const string EnvFileMissing = "SMK030";
    public const string EnvFileMalformedLine = "SMK031";
    public const string RequiredVariableMissing = "SMK032";
    public const string DefaultCredential = "SMK033";

    public const string SmokeProjectMissing = "SMK040";
    public const string SmokeProjectFileMissing = "SMK041";
    public const string NotATestProject = "SMK042";
}
