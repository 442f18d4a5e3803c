namespace ModelGrid.Contracts.Tests;

public sealed class NamesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("alice")]
    [InlineData("mnist-cnn_v1.2")]
    [InlineData("9lives")]
    [InlineData("a.b")]
    public void IsValidNamePart_LowercaseName_IsValid(string part)
    {
        Assert.True(Names.IsValidNamePart(part));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Alice")]
    [InlineData("aLice")]
    [InlineData("a..b")]
    [InlineData("..")]
    [InlineData("-a")]
    [InlineData("_a")]
    [InlineData(".a")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("é")]
    [InlineData("abc\n")]
    [InlineData("abc\r")]
    public void IsValidNamePart_InvalidName_IsRejected(string? part)
    {
        Assert.False(Names.IsValidNamePart(part));
    }

    [Fact]
    public void IsValidNamePart_64Characters_IsValid()
    {
        Assert.True(Names.IsValidNamePart(new string('a', 64)));
    }

    [Fact]
    public void IsValidNamePart_65Characters_IsRejected()
    {
        Assert.False(Names.IsValidNamePart(new string('a', 65)));
    }

    [Theory]
    [InlineData("stable")]
    [InlineData("v2-rc")]
    [InlineData("prod.eu_1")]
    [InlineData("deadbeef")]
    public void IsValidUserAlias_AliasStartingWithLetter_IsValid(string alias)
    {
        Assert.True(Names.IsValidUserAlias(alias));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData("main")]
    [InlineData("2stable")]
    [InlineData("-stable")]
    [InlineData("Stable")]
    [InlineData("a..b")]
    [InlineData("stable\n")]
    public void IsValidUserAlias_InvalidAlias_IsRejected(string? alias)
    {
        Assert.False(Names.IsValidUserAlias(alias));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(64)]
    public void IsValidUserAlias_LooksLikeRevisionId_IsRejected(int length)
    {
        var hex = "a" + new string('0', length - 1);

        Assert.False(Names.IsValidUserAlias(hex));
    }

    [Theory]
    [InlineData(39)]
    [InlineData(41)]
    [InlineData(63)]
    public void IsValidUserAlias_HexOfOtherLength_IsValid(int length)
    {
        Assert.True(Names.IsValidUserAlias("a" + new string('0', length - 1)));
    }

    [Fact]
    public void IsValidUserAlias_65Characters_IsRejected()
    {
        Assert.False(Names.IsValidUserAlias("s" + new string('x', 64)));
    }

    [Theory]
    [InlineData("model.onnx")]
    [InlineData("weights/part-1.bin")]
    [InlineData("a/b/c/d/e.txt")]
    [InlineData("données/modèle €.onnx")]
    [InlineData("日本語/ファイル.txt")]
    [InlineData(".gitattributes")]
    [InlineData("a/.hidden/b")]
    [InlineData("name with spaces.txt")]
    public void ValidateFilePath_RelativePath_IsValid(string path)
    {
        Assert.Null(Names.ValidateFilePath(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/x")]
    [InlineData("/")]
    [InlineData("C:x")]
    [InlineData("C:/x")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a/../b")]
    [InlineData("a/..")]
    [InlineData(".")]
    [InlineData("./a")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a%20b")]
    [InlineData("a\0b")]
    [InlineData("a\nb")]
    [InlineData("a\tb")]
    [InlineData("a\u001fb")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    public void ValidateFilePath_InvalidPath_ReturnsReason(string? path)
    {
        Assert.False(string.IsNullOrWhiteSpace(Names.ValidateFilePath(path)));
    }

    [Fact]
    public void ValidateFilePath_ControlCharacter_ReasonIsPrintableOneLine()
    {
        var reason = Names.ValidateFilePath("a\nb");

        Assert.Equal("'a\\u000ab' contains a control character (U+000A)", reason);
    }

    [Fact]
    public void ValidateFilePath_1024Characters_IsValid()
    {
        var path = string.Join('/', Enumerable.Repeat(new string('x', 254), 4)) + "/" + new string('y', 4);

        Assert.Equal(1024, path.Length);
        Assert.Null(Names.ValidateFilePath(path));
    }

    [Fact]
    public void ValidateFilePath_1025Characters_IsRejected()
    {
        var path = string.Join('/', Enumerable.Repeat(new string('x', 254), 4)) + "/" + new string('y', 5);

        Assert.Equal(1025, path.Length);
        Assert.Equal("the file path is longer than 1024 characters", Names.ValidateFilePath(path));
    }

    [Fact]
    public void ValidateFilePath_255CharacterSegment_IsValid()
    {
        Assert.Null(Names.ValidateFilePath("dir/" + new string('s', 255)));
    }

    [Fact]
    public void ValidateFilePath_256CharacterSegment_IsRejected()
    {
        var reason = Names.ValidateFilePath("dir/" + new string('s', 256));

        Assert.NotNull(reason);
        Assert.Contains("longer than 255 characters", reason, StringComparison.Ordinal);
    }
}
