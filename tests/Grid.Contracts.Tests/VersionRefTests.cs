namespace ModelGrid.Contracts.Tests;

public sealed class VersionRefTests
{
    private const string Hex40 = "0123456789abcdef0123456789abcdef01234567";
    private const string Hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    [InlineData("999999999", 999999999)]
    public void TryParse_Digits_IsNumber(string text, int expected)
    {
        Assert.True(VersionRef.TryParse(text, out var reference, out var error));

        Assert.Null(error);
        Assert.Equal(VersionRefKind.Number, reference.Kind);
        Assert.Equal(expected, reference.Number);
        Assert.Equal(text, reference.Value);
    }

    [Fact]
    public void TryParse_LeadingZeros_NormalizesToTheNumber()
    {
        Assert.True(VersionRef.TryParse("007", out var reference, out _));

        Assert.Equal(new VersionRef(VersionRefKind.Number, "7"), reference);
        Assert.Equal(7, reference.Number);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("000")]
    [InlineData("1234567890")]
    [InlineData("99999999999")]
    [InlineData("2147483647")]
    [InlineData("2147483648")]
    [InlineData("123456789012345678901234567890")]
    public void TryParse_ZeroOrTooLarge_SaysWhichNumbersExist(string text)
    {
        Assert.False(VersionRef.TryParse(text, out var reference, out var error));

        Assert.Null(reference);
        Assert.Equal($"'{text}' is not a version number: numbers run from 1 to 999999999", error);
    }

    [Theory]
    [InlineData(Hex40)]
    [InlineData(Hex64)]
    public void TryParse_LowercaseHex_IsRevisionId(string text)
    {
        Assert.True(VersionRef.TryParse(text, out var reference, out _));

        Assert.Equal(new VersionRef(VersionRefKind.RevisionId, text), reference);
        Assert.Equal(0, reference.Number);
    }

    [Fact]
    public void TryParse_40HexOfOnlyDigits_IsRevisionId()
    {
        // One revision id in about 10^8 has no letter in its first 40 hex digits; it must still resolve.
        var digits = "1234567890123456789012345678901234567890";

        Assert.True(VersionRef.TryParse(digits, out var reference, out _));

        Assert.Equal(VersionRefKind.RevisionId, reference.Kind);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("main")]
    [InlineData("stable")]
    [InlineData("v2-rc")]
    public void TryParse_Alias_IsAlias(string text)
    {
        Assert.True(VersionRef.TryParse(text, out var reference, out _));

        Assert.Equal(new VersionRef(VersionRefKind.Alias, text), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Stable")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData(" 1")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("a/b")]
    [InlineData("v1 ")]
    public void TryParse_Invalid_ReturnsError(string? text)
    {
        Assert.False(VersionRef.TryParse(text, out var reference, out var error));

        Assert.Null(reference);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Latest_IsTheLatestAlias()
    {
        Assert.Equal(new VersionRef(VersionRefKind.Alias, "latest"), VersionRef.Latest);
    }
}
