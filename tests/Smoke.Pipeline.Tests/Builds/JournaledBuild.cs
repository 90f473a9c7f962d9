namespace Smoke.Pipeline.Tests;

/// <summary>A test build whose targets note in the journal that they ran.</summary>
internal abstract class JournaledBuild : PipelineBuild
{
    protected Journal Journal { get; } = Journal.Current;

    protected void Ran(string name) => Journal.Record(name);

    protected override void OnBuildFinished() => Journal.Outcomes = Outcomes;
}
