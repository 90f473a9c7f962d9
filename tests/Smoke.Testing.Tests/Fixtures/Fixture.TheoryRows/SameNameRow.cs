namespace Fixture.TheoryRows;

/// <summary>Theory data xunit cannot serialize, whose rows all show the same name.</summary>
public sealed class SameNameRow(bool passes)
{
    public bool Passes => passes;

    public override string ToString() => "SameNameRow";
}
