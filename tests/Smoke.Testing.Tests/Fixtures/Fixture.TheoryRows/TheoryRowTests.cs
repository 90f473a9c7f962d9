namespace Fixture.TheoryRows;

/// <summary>
/// Theories whose rows end differently, so that a retry of the method runs a row that already passed again.
/// Markers in SMOKE_FIXTURE_MARKERS remember which rows failed once.
/// </summary>
public class TheoryRowTests
{
    public static TheoryData<SameNameRow> SameNameRows => [new SameNameRow(passes: true), new SameNameRow(passes: false)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Row(int row)
    {
        if (row == 2)
        {
            Assert.Fail("row 2 fails on every attempt");
        }

        FailOnce($"row-{row}");
    }

    [Theory]
    [MemberData(nameof(SameNameRows))]
    public void Same_name_row(SameNameRow row) => Assert.True(row.Passes, "the second same-named row fails on every attempt");

    private static void FailOnce(string name)
    {
        var directory = Environment.GetEnvironmentVariable("SMOKE_FIXTURE_MARKERS")
            ?? throw new InvalidOperationException("SMOKE_FIXTURE_MARKERS is not set: the runner tests pass a temporary directory in it");
        var marker = Path.Combine(directory, name + ".marker");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "failed once");
            throw new InvalidOperationException($"first attempt of {name} fails on purpose");
        }
    }
}
