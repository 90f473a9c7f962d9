using System.Xml.Linq;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Quality;

/// <summary>How the JUnit files of repeated runs fold into one, on hand-written files.</summary>
public sealed class RunCombinationTests
{
    private static XDocument Run(params (string Name, bool Failed)[] tests) =>
        new(new XElement("testsuites", new XElement(
            "testsuite",
            new XAttribute("name", "Fixture.dll"),
            tests.Select(test => new XElement(
                "testcase",
                new XAttribute("classname", "Fixture.Tests"),
                new XAttribute("name", test.Name),
                new XAttribute("time", "1.000"),
                test.Failed ? new XElement("failure", new XAttribute("message", $"{test.Name} failed"), "at Fixture.Tests") : null)))));

    private static XElement Test(XDocument document, string name) =>
        document.Descendants("testcase").Single(test => (string?)test.Attribute("name") == name);

    [Fact]
    public void A_test_that_fails_in_every_run_stays_failed_with_a_rerunFailure_per_earlier_run()
    {
        var combined = RepeatedSmokeRuns.Combine([Run(("A", true)), Run(("A", true)), Run(("A", true))]);

        var test = Test(combined, "A");
        Assert.NotNull(test.Element("failure"));
        Assert.Equal(2, test.Elements("rerunFailure").Count());
        Assert.Equal("3.000", (string?)test.Attribute("time"));
        Assert.Equal("1", (string?)combined.Descendants("testsuite").Single().Attribute("failures"));
    }

    [Fact]
    public void A_test_that_failed_only_in_the_last_run_is_flaky_not_failed()
    {
        var combined = RepeatedSmokeRuns.Combine([Run(("A", false)), Run(("A", true))]);

        var test = Test(combined, "A");
        Assert.Null(test.Element("failure"));
        Assert.Equal("A failed", (string?)Assert.Single(test.Elements("flakyFailure")).Attribute("message"));
    }

    [Fact]
    public void A_test_only_a_later_run_saw_is_added_and_counted()
    {
        var combined = RepeatedSmokeRuns.Combine([Run(("A", false)), Run(("A", false), ("[project hung]", true))]);

        Assert.Equal(["A", "[project hung]"], combined.Descendants("testcase").Select(test => (string?)test.Attribute("name")));
        var suite = combined.Descendants("testsuite").Single();
        Assert.Equal("2", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
    }

    [Fact]
    public void Same_named_testcases_each_combine_with_their_own_results_in_the_other_runs()
    {
        // Two theory rows that share a name (data xunit cannot serialize): the second failed in run 1 only.
        var combined = RepeatedSmokeRuns.Combine([Run(("Row(row: Data)", false), ("Row(row: Data)", true)), Run(("Row(row: Data)", false), ("Row(row: Data)", false))]);

        var rows = combined.Descendants("testcase").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Empty(rows[0].Elements());
        Assert.Null(rows[1].Element("failure"));
        Assert.Single(rows[1].Elements("flakyFailure"));
        Assert.Equal("0", (string?)combined.Descendants("testsuite").Single().Attribute("failures"));
    }
}
