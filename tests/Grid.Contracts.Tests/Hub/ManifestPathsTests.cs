using ModelGrid.Hub;

namespace ModelGrid.Contracts.Tests.Hub;

public sealed class ManifestPathsTests
{
    private const string Nfc = "caf\u00e9.bin";
    private const string Nfd = "cafe\u0301.bin";

    [Theory]
    [InlineData("model.onnx")]
    [InlineData("weights/model.bin")]
    [InlineData("модель/веса.bin")]
    [InlineData("模型/权重.bin")]
    [InlineData("نموذج.bin")]
    [InlineData("मॉडल.bin")]
    [InlineData("🤖 model.bin")]
    [InlineData("con-fig.json")]
    [InlineData("console.txt")]
    [InlineData("COM10")]
    [InlineData("LPT.txt")]
    [InlineData(".gitattributes")]
    [InlineData("a.b.c")]
    [InlineData(" leading space.bin")]
    public void ValidatePortable_OrdinaryNames_AreAccepted(string path)
    {
        Assert.Null(ManifestPaths.ValidatePortable(path));
    }

    [Theory]
    [InlineData("CON", "'CON' uses 'CON', a device name Windows reserves (with any extension)")]
    [InlineData("con", "'con' uses 'con', a device name Windows reserves (with any extension)")]
    [InlineData("data/nul.txt", "'data/nul.txt' uses 'nul.txt', a device name Windows reserves (with any extension)")]
    [InlineData("Aux.tar.gz", "'Aux.tar.gz' uses 'Aux.tar.gz', a device name Windows reserves (with any extension)")]
    [InlineData("prn/x.bin", "'prn/x.bin' uses 'prn', a device name Windows reserves (with any extension)")]
    [InlineData("com1", "'com1' uses 'com1', a device name Windows reserves (with any extension)")]
    [InlineData("LPT9.log", "'LPT9.log' uses 'LPT9.log', a device name Windows reserves (with any extension)")]
    [InlineData("COM\u00b9.txt", "'COM\u00b9.txt' uses 'COM\u00b9.txt', a device name Windows reserves (with any extension)")]
    [InlineData("NUL .txt", "'NUL .txt' uses 'NUL .txt', a device name Windows reserves (with any extension)")]
    public void ValidatePortable_WindowsDeviceNames_AreRefusedInAnySegment(string path, string expected)
    {
        Assert.Equal(expected, ManifestPaths.ValidatePortable(path));
    }

    [Theory]
    [InlineData("model.", "'model.' has a segment ending in a dot ('model.'), which Windows drops")]
    [InlineData("dir./model.bin", "'dir./model.bin' has a segment ending in a dot ('dir.'), which Windows drops")]
    [InlineData("model.bin ", "'model.bin ' has a segment ending in a space ('model.bin '), which Windows drops")]
    [InlineData("dir /model.bin", "'dir /model.bin' has a segment ending in a space ('dir '), which Windows drops")]
    [InlineData("...", "'...' has a segment ending in a dot ('...'), which Windows drops")]
    public void ValidatePortable_SegmentEndingInDotOrSpace_IsRefused(string path, string expected)
    {
        Assert.Equal(expected, ManifestPaths.ValidatePortable(path));
    }

    [Theory]
    [InlineData('\u200b')]
    [InlineData('\u200c')]
    [InlineData('\u200d')]
    [InlineData('\u200e')]
    [InlineData('\u200f')]
    [InlineData('\u202a')]
    [InlineData('\u202e')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    [InlineData('\ufeff')]
    [InlineData('\u00ad')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    public void ValidatePortable_InvisibleFormattingCharacter_IsRefusedAndShownEscaped(char c)
    {
        var path = $"model{c}gpj.exe";

        Assert.Equal(
            $"'model\\u{(int)c:x4}gpj.exe' contains the invisible character U+{(int)c:X4}, which can make one name look like another",
            ManifestPaths.ValidatePortable(path));
    }

    [Fact]
    public void ValidatePortable_Colon_IsRefused()
    {
        Assert.Equal("'model.bin:stream' contains ':', which Windows reads as a stream name", ManifestPaths.ValidatePortable("model.bin:stream"));
    }

    [Theory]
    [InlineData("a", "a/b", "'a' is a file, but 'a/b' needs a folder of that name")]
    [InlineData("a/b", "a", "'a' is a file, but 'a/b' needs a folder of that name")]
    [InlineData("x/a", "x/a/b/c.bin", "'x/a' is a file, but 'x/a/b/c.bin' needs a folder of that name")]
    [InlineData("A", "a/b", "'A' is a file, but 'a/b' needs a folder of that name")]
    [InlineData("dir/Model", "DIR/model/x", "'dir/Model' is a file, but 'DIR/model/x' needs a folder of that name")]
    public void FindConflict_FileAndFolderOfTheSameName_NamesBoth(string first, string second, string expected)
    {
        Assert.Equal(expected, ManifestPaths.FindConflict([first, second]));
        Assert.Equal(expected, ManifestPaths.FindConflict([second, first]));
    }

    [Theory]
    [InlineData("A.bin", "a.bin", "'A.bin' and 'a.bin' differ only in letter case; Windows and macOS would store them as one file")]
    [InlineData("Dir/x.bin", "dir/x.bin", "'Dir/x.bin' and 'dir/x.bin' differ only in letter case; Windows and macOS would store them as one file")]
    [InlineData("МОДЕЛЬ.bin", "модель.bin", "'МОДЕЛЬ.bin' and 'модель.bin' differ only in letter case; Windows and macOS would store them as one file")]
    [InlineData("ΣΟΦΙΑ", "σοφια", "'ΣΟΦΙΑ' and 'σοφια' differ only in letter case; Windows and macOS would store them as one file")]
    public void FindConflict_NamesEqualButForCase_NamesBoth(string first, string second, string expected)
    {
        Assert.Equal(expected, ManifestPaths.FindConflict([first, second]));
    }

    [Fact]
    public void FindConflict_NfcAndNfdForms_AreOneName()
    {
        Assert.NotEqual(Nfc, Nfd);

        Assert.Equal(
            $"'{Nfd}' and '{Nfc}' are the same name in different Unicode normalisation forms (NFC and NFD); Windows and macOS would store them as one file",
            ManifestPaths.FindConflict([Nfc, Nfd]));
    }

    [Fact]
    public void FindConflict_NfdFolderAndUpperCaseNfcName_CollideToo()
    {
        Assert.Equal(
            $"'CAF\u00c9.BIN' and '{Nfd}' differ only in letter case and Unicode normalisation; Windows and macOS would store them as one file",
            ManifestPaths.FindConflict(["CAF\u00c9.BIN", Nfd]));
        Assert.Equal(
            $"'{Nfc}' is a file, but 'CAFE\u0301.BIN/x' needs a folder of that name",
            ManifestPaths.FindConflict([Nfc, "CAFE\u0301.BIN/x"]));
    }

    [Theory]
    [InlineData("a/b", "a/c")]
    [InlineData("a/b", "ab")]
    [InlineData("a.bin", "a.bin.bak")]
    [InlineData("a", "a.b/c")]
    [InlineData("same.bin", "same.bin")]
    public void FindConflict_DistinctOrIdenticalPaths_IsNull(string first, string second)
    {
        Assert.Null(ManifestPaths.FindConflict([first, second]));
    }

    [Fact]
    public void FindConflict_Incremental_ChecksTheNewPathAgainstTheHeldOnes()
    {
        string[] held = ["config.json", "weights/model.bin"];

        Assert.Null(ManifestPaths.FindConflict(held, "weights/extra.bin"));
        Assert.Equal("'weights/model.bin' is a file, but 'weights/model.bin/part1' needs a folder of that name", ManifestPaths.FindConflict(held, "weights/model.bin/part1"));
        Assert.Equal("'weights' is a file, but 'weights/model.bin' needs a folder of that name", ManifestPaths.FindConflict(held, "weights"));
        Assert.Equal("'config.json' and 'Config.JSON' differ only in letter case; Windows and macOS would store them as one file", ManifestPaths.FindConflict(held, "Config.JSON"));
        Assert.Null(ManifestPaths.FindConflict(held, "config.json"));
    }

    [Fact]
    public void Check_PortabilityBeforeCollisions()
    {
        Assert.Equal("'nul' uses 'nul', a device name Windows reserves (with any extension)", ManifestPaths.Check(["A", "a", "nul"]));
        Assert.Equal("'A' and 'a' differ only in letter case; Windows and macOS would store them as one file", ManifestPaths.Check(["A", "a"]));
        Assert.Null(ManifestPaths.Check(["README.txt", "weights/model.onnx"]));
    }

    [Fact]
    public void Fold_DecomposesAndUpperCases()
    {
        Assert.Equal("CAFE\u0301.BIN", ManifestPaths.Fold(Nfd));
        Assert.Equal("CAFE\u0301.BIN", ManifestPaths.Fold(Nfc));
        Assert.Equal("МОДЕЛЬ", ManifestPaths.Fold("модель"));
        Assert.Equal("MODEL.ONNX", ManifestPaths.Fold("model.onnx"));
    }

    [Theory]
    [InlineData("\uac01", "\u1100\u1161\u11a8")]
    [InlineData("\u212b", "\u00c5")]
    [InlineData("a\u0301\u0323", "a\u0323\u0301")]
    [InlineData("\u1ea0\u0301", "a\u0323\u0301")]
    [InlineData("\u0958", "\u0915\u093c")]
    [InlineData("\U0001d15e", "\U0001d157\U0001d165")]
    [InlineData("\u1e69", "s\u0307\u0323")]
    public void FindConflict_CanonicallyEquivalentNames_AreOneName(string first, string second)
    {
        var conflict = ManifestPaths.FindConflict([first + ".bin", second + ".bin"]);

        Assert.NotNull(conflict);
        Assert.Contains("Unicode normalisation", conflict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0301", "a\u0300")]
    [InlineData("\u0915", "\u0915\u093c")]
    [InlineData("\uac00", "\uac01")]
    public void FindConflict_DifferentMarks_AreDifferentNames(string first, string second)
    {
        Assert.Null(ManifestPaths.FindConflict([first + ".bin", second + ".bin"]));
    }
}
