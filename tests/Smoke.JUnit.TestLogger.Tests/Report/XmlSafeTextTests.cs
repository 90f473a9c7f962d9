using Smoke.JUnit.TestLogger.Report;

namespace Smoke.JUnit.TestLogger.Tests.Report;

public sealed class XmlSafeTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tnew\nline\rreturn", "tab\tnew\nline\rreturn")]
    [InlineData("<&>\"'", "<&>\"'")]
    [InlineData("a\u0001b", "a\\u0001b")]
    [InlineData("\0", "\\u0000")]
    [InlineData("esc\u001B[31mred", "esc\\u001B[31mred")]
    [InlineData("\uFFFE\uFFFF", "\\uFFFE\\uFFFF")]
    [InlineData("pair \uD83D\uDD25 kept", "pair \uD83D\uDD25 kept")]
    public void Only_what_XML_cannot_carry_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, XmlSafeText.Escape(text));
    }

    [Fact]
    public void Unpaired_surrogates_are_escaped()
    {
        // Kept out of [InlineData]: attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        Assert.Equal("lone \\uDC00 low", XmlSafeText.Escape("lone \uDC00 low"));
        Assert.Equal("high at end \\uD800", XmlSafeText.Escape("high at end \uD800"));
        Assert.Equal("reversed \\uDC00\\uD800", XmlSafeText.Escape("reversed \uDC00\uD800"));
    }

    [Fact]
    public void Null_becomes_empty()
    {
        Assert.Equal(string.Empty, XmlSafeText.Escape(null));
    }
}
