namespace JUnitFixture;

/// <summary>Theory data xunit cannot serialize, whose rows all show the same name: the case where names cannot tell results apart.</summary>
public sealed class SameNameRow(bool passes)
{
    public bool Passes => passes;

    public override string ToString() => "SameNameRow";
}
