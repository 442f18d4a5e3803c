using System.Security.Cryptography;
using System.Text;
using ModelGrid.Hub;

namespace ModelGrid.Contracts.Tests.Hub;

public sealed class VersionManifestTests
{
    // SHA-256 of "a", "b" and "" (published test vectors), used as file digests.
    private const string ShaA = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
    private const string ShaB = "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d";
    private const string ShaEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Create_FilesInAnyOrder_WritesCanonicalJsonSortedOrdinal()
    {
        var manifest = VersionManifest.Create(
        [
            new ManifestFile("b.bin", 2, ShaB),
            new ManifestFile("a/b", 5_000_000_000, ShaA),
            new ManifestFile("B.bin", 0, ShaEmpty),
            new ManifestFile("a.b", 1, ShaA),
            new ManifestFile("a-b", 1, ShaB),
        ]);

        const string expected =
            "{\"files\":[" +
            "{\"path\":\"B.bin\",\"size\":0,\"sha256\":\"" + ShaEmpty + "\"}," +
            "{\"path\":\"a-b\",\"size\":1,\"sha256\":\"" + ShaB + "\"}," +
            "{\"path\":\"a.b\",\"size\":1,\"sha256\":\"" + ShaA + "\"}," +
            "{\"path\":\"a/b\",\"size\":5000000000,\"sha256\":\"" + ShaA + "\"}," +
            "{\"path\":\"b.bin\",\"size\":2,\"sha256\":\"" + ShaB + "\"}" +
            "]}";
        Assert.Equal(expected, manifest.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(expected), manifest.CanonicalJson.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), manifest.RevisionId);
        Assert.Equal(["B.bin", "a-b", "a.b", "a/b", "b.bin"], manifest.Files.Select(f => f.Path));
    }

    [Fact]
    public void Create_NoFiles_IsEmptyList()
    {
        var manifest = VersionManifest.Create([]);

        Assert.Equal("{\"files\":[]}", manifest.ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("{\"files\":[]}"u8)), manifest.RevisionId);
    }

    [Theory]
    [InlineData("modèle/données.bin")]
    [InlineData("日本語.txt")]
    [InlineData("a+b's&c.txt")]
    [InlineData("emoji-😀.txt")]
    [InlineData("line\u2028separator.txt")]
    [InlineData("private\ue000use.txt")]
    public void Create_NonAsciiOrPunctuation_StaysUnescapedUtf8(string path)
    {
        // DESIGN.md §9.1: the canonical form is UTF-8 JSON escaping only what JSON requires, so any other
        // implementation (and any later .NET with newer Unicode tables) computes the same revision id.
        var manifest = VersionManifest.Create([new ManifestFile(path, 3, ShaA)]);

        var expected = "{\"files\":[{\"path\":\"" + path + "\",\"size\":3,\"sha256\":\"" + ShaA + "\"}]}";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), manifest.CanonicalJson.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), manifest.RevisionId);
    }

    [Fact]
    public void Create_SameFilesInOtherOrder_SameRevisionId()
    {
        var one = VersionManifest.Create([new ManifestFile("x", 1, ShaA), new ManifestFile("y", 1, ShaB)]);
        var two = VersionManifest.Create([new ManifestFile("y", 1, ShaB), new ManifestFile("x", 1, ShaA)]);

        Assert.Equal(one.RevisionId, two.RevisionId);
    }

    [Fact]
    public void Create_DuplicatePath_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => VersionManifest.Create(
            [new ManifestFile("x.bin", 1, ShaA), new ManifestFile("y", 1, ShaA), new ManifestFile("x.bin", 2, ShaB)]));

        Assert.StartsWith("the path 'x.bin' appears twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x", 1, ShaA)]
    [InlineData("", 1, ShaA)]
    [InlineData("x", -1, ShaA)]
    [InlineData("x", 1, "CA978112CA1BBDCAFAC231B39A23DC4DA786EFF8147C4E72B9807785AFEE48BB")]
    [InlineData("x", 1, "ca978112")]
    [InlineData("x", 1, "")]
    public void Create_InvalidEntry_Throws(string path, long size, string sha256)
    {
        Assert.Throws<ArgumentException>(() => VersionManifest.Create([new ManifestFile(path, size, sha256)]));
    }

    [Fact]
    public void Parse_CanonicalBytes_ReadsFilesAndRevisionId()
    {
        var json = "{\"files\":[{\"path\":\"a/b\",\"size\":7,\"sha256\":\"" + ShaA + "\"},{\"path\":\"c\",\"size\":0,\"sha256\":\"" + ShaEmpty + "\"}]}";
        var bytes = Encoding.UTF8.GetBytes(json);

        var manifest = VersionManifest.Parse(bytes);

        Assert.Equal([new ManifestFile("a/b", 7, ShaA), new ManifestFile("c", 0, ShaEmpty)], manifest.Files);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), manifest.RevisionId);
        Assert.Equal(bytes, manifest.CanonicalJson.ToArray());
    }

    [Theory]
    [InlineData("{ \"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"" + ShaA + "\"}]}")]
    [InlineData("{\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"" + ShaA + "\"}]}\n")]
    [InlineData("{\"files\":[{\"path\":\"b\",\"size\":1,\"sha256\":\"" + ShaA + "\"},{\"path\":\"a\",\"size\":1,\"sha256\":\"" + ShaA + "\"}]}")]
    [InlineData("{\"files\":[{\"size\":1,\"path\":\"a\",\"sha256\":\"" + ShaA + "\"}]}")]
    [InlineData("{\"files\":[{\"path\":\"\\u0061\",\"size\":1,\"sha256\":\"" + ShaA + "\"}]}")]
    [InlineData("{\"files\":[{\"path\":\"a\",\"size\":1,\"sha256\":\"" + ShaA + "\",\"extra\":1}]}")]
    [InlineData("{\"files\":[{\"path\":\"a\",\"size\":1.0,\"sha256\":\"" + ShaA + "\"}]}")]
    public void Parse_NonCanonicalJson_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => VersionManifest.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_InvalidEntry_Throws()
    {
        var json = "{\"files\":[{\"path\":\"../a\",\"size\":1,\"sha256\":\"" + ShaA + "\"}]}";

        var error = Assert.Throws<FormatException>(() => VersionManifest.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains("path traversal", error.Message, StringComparison.Ordinal);
    }
}
