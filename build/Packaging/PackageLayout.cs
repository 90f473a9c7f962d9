namespace Smoke.Build.Packaging;

/// <summary>Where a package keeps its assembly: a library in lib/, a VSTest logger in build/ with a props file that copies it to the test output.</summary>
internal enum PackageLayout
{
    Library,
    TestLogger,
}
