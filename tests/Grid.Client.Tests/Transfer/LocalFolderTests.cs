using ModelGrid.Client.Transfer;
using ModelGrid.Testing;

namespace ModelGrid.Client.Tests.Transfer;

public sealed class LocalFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Scan_Folder_ListsFilesSortedOrdinalWithSlashes()
    {
        _folder.Write("b.bin", "bb");
        _folder.Write("B.txt", "B");
        _folder.Write("a/z.bin", "zzz");
        _folder.Write("a-b.bin", "1");
        _folder.Write("a/b/c.onnx", "");

        var files = LocalFolder.Scan(_folder.Path);

        Assert.Equal(["B.txt", "a-b.bin", "a/b/c.onnx", "a/z.bin", "b.bin"], files.Select(f => f.Path));
        var deep = files.Single(f => f.Path == "a/z.bin");
        Assert.Equal(Path.Combine(_folder.Path, "a", "z.bin"), deep.FullPath);
        Assert.Equal(3, deep.Size);
        Assert.Equal(0, files.Single(f => f.Path == "a/b/c.onnx").Size);
    }

    [Fact]
    public void Scan_RootReadme_IsLeftOutButNestedReadmeIsKept()
    {
        _folder.Write("README.md", "# card");
        _folder.Write("sub/README.md", "# docs");
        _folder.Write("readme.md", "other case");
        _folder.Write("model.onnx");

        var files = LocalFolder.Scan(_folder.Path);

        Assert.Equal(["model.onnx", "readme.md", "sub/README.md"], files.Select(f => f.Path));
    }

    [Fact]
    public void Scan_GitFoldersAndPartialDownloads_AreLeftOut()
    {
        _folder.Write(".git/config");
        _folder.Write(".git/objects/ab/cdef");
        _folder.Write("sub/.git/HEAD");
        _folder.Write("weights.bin.grid-partial");
        _folder.Write("sub/x.grid-partial");
        _folder.Write(".gitattributes");
        _folder.Write("sub/.github/ci.yml");
        _folder.Write("weights.bin");

        var files = LocalFolder.Scan(_folder.Path);

        Assert.Equal([".gitattributes", "sub/.github/ci.yml", "weights.bin"], files.Select(f => f.Path));
    }

    [Fact]
    public void Scan_EmptyFolder_ReturnsNothing()
    {
        Assert.Empty(LocalFolder.Scan(_folder.Path));
    }

    [Theory]
    [InlineData("sub/bad#name.bin")]
    [InlineData("what?.txt")]
    [InlineData("100%.txt")]
    public void Scan_FileNameTheHubRefuses_ThrowsNamingTheFile(string path)
    {
        _folder.Write("fine.bin");
        _folder.Write(path);

        var e = Assert.Throws<CliException>(() => LocalFolder.Scan(_folder.Path));

        Assert.StartsWith($"cannot push '{path}': ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_MissingFolder_ThrowsCliException()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var e = Assert.Throws<CliException>(() => LocalFolder.Scan(missing));

        Assert.Equal($"'{missing}' is not a folder", e.Message);
    }

    [Fact]
    public void Scan_PathOfAFile_ThrowsCliException()
    {
        var file = _folder.Write("file.bin");

        Assert.Throws<CliException>(() => LocalFolder.Scan(file));
    }

    public void Dispose() => _folder.Dispose();
}
