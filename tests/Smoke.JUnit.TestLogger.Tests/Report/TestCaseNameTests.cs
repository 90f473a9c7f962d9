using Smoke.JUnit.TestLogger.Options;
using Smoke.JUnit.TestLogger.Report;

namespace Smoke.JUnit.TestLogger.Tests.Report;

public sealed class TestCaseNameTests
{
    [Theory]
    [InlineData("N.C.M", "N.C.M", "Default", "M")]
    [InlineData("N.C.M", "N.C.M", "Class", "C.M")]
    [InlineData("N.C.M", "N.C.M", "Full", "N.C.M")]
    [InlineData("N.Outer+Inner.M", "N.Outer+Inner.M(x: 1)", "Class", "Outer+Inner.M(x: 1)")]
    [InlineData("N.C.M", "M(x: 1)", "Default", "M(x: 1)")]
    [InlineData("N.C.M", "", "Default", "M")]
    [InlineData("N.C.M", "Creates a job and pages through it", "Default", "Creates a job and pages through it")]
    [InlineData("N.C.M", "Creates a job and pages through it", "Class", "C.Creates a job and pages through it")]
    [InlineData("N.C.M<Int32>", "N.C.M<Int32>(value: 1)", "Default", "M<Int32>(value: 1)")]
    [InlineData("Global", "Global", "Full", "Global")]
    public void The_name_follows_the_method_format(string fullyQualifiedName, string displayName, string format, string expected)
    {
        Assert.Equal(expected, TestCaseName.From(fullyQualifiedName, displayName, Enum.Parse<MethodFormat>(format)).Name);
    }

    [Fact]
    public void Arguments_in_the_fully_qualified_name_may_contain_dots()
    {
        var name = TestCaseName.From("N.C.Rounds(1.5,\"a.b\")", "Rounds(1.5,\"a.b\")", MethodFormat.Full);

        Assert.Equal("N.C", name.ClassName);
        Assert.Equal("N.C.Rounds(1.5,\"a.b\")", name.Name);
    }

    [Fact]
    public void Arguments_only_in_the_fully_qualified_name_are_kept()
    {
        var name = TestCaseName.From("N.C.Rounds(2)", "N.C.Rounds", MethodFormat.Default);

        Assert.Equal("Rounds(2)", name.Name);
    }

    [Fact]
    public void A_method_outside_any_class_has_an_empty_class_name()
    {
        Assert.Equal(string.Empty, TestCaseName.From("Global", "Global", MethodFormat.Default).ClassName);
    }
}
