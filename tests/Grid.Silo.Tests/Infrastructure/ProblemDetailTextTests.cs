using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class ProblemDetailTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("'модель' is fine", "'модель' is fine")]
    [InlineData("a\nb", "a\\u000ab")]
    [InlineData("a\r\nb\tc", "a\\u000d\\u000ab\\u0009c")]
    [InlineData("x\u202egnp.exe", "x\\u202egnp.exe")]
    [InlineData("zero\u200bwidth\u2028line", "zero\\u200bwidth\\u2028line")]
    public void Escape_ControlAndInvisibleCharacters_AreWrittenAsEscapes(string text, string expected)
    {
        Assert.Equal(expected, ProblemDetailText.Escape(text));
    }
}
