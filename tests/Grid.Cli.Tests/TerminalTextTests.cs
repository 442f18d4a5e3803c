namespace ModelGrid.Client.Cli.Tests;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[2J", "\\x1b[2J")]
    [InlineData("\u001b]0;title\u0007", "\\x1b]0;title\\x07")]
    [InlineData("a\u009b31mred", "a\\x9b31mred")]
    [InlineData("real\rfake", "real\\x0dfake")]
    [InlineData("line one\r\nline two\n", "line one\nline two\n")]
    [InlineData("trailing\r", "trailing\\x0d")]
    [InlineData("\u202eevil\u202c and \u2066iso\u2069", "\\u202eevil\\u202c and \\u2066iso\\u2069")]
    [InlineData("back\bspace\u007fdel\u0000nul", "back\\x08space\\x7fdel\\x00nul")]
    [InlineData("\u0085next line", "\\x85next line")]
    public void Safe_ControlCharacters_AreWrittenOutVisibly(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Safe(text));
    }

    [Theory]
    [InlineData("plain text, tabs\tand\nnewlines")]
    [InlineData("Ünïcödé, 漢字, emoji 🙂, a right-to-left word שלום")]
    [InlineData("")]
    public void Safe_PrintableText_IsUnchanged(string text)
    {
        Assert.Same(text, TerminalText.Safe(text));
    }

    [Fact]
    public void Safe_Null_IsEmpty()
    {
        Assert.Equal(string.Empty, TerminalText.Safe(null));
    }

    [Fact]
    public void Markup_EscapesSpectreMarkupToo()
    {
        Assert.Equal("[[red]]\\x1b[[0m", TerminalText.Markup("[red]\u001b[0m"));
    }
}
