using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Artifacts;

/// <summary>Artifacts no public address serves (converted models): store or mirror only, never a download.</summary>
public sealed class MirrorOnlyArtifactTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempFolder("mirror-only");
    private readonly ContentAddressedStore _store;
    private readonly HttpClient _http = new();

    public MirrorOnlyArtifactTests() => _store = new ContentAddressedStore(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Manifest_LanguageModelFixture_IsDeclaredMirrorOnlyWithSizeAndDigest()
    {
        var declared = ArtifactManifest.Default.Artifacts.Where(a => a.MirrorOnly is not null).Select(a => (a.Name, a.Size, a.Sha256[..12]));

        Assert.Equal(
            [("stories260K.onnx", 1_089_136, "ca8175dee0b1"), ("stories260K_kv.onnx", 1_091_409, "3821f64ea16d"), ("tok512.model", 7_986, "e33674dd21f9")],
            declared);
        Assert.All(ArtifactManifest.Default.Artifacts.Where(a => a.MirrorOnly is not null), a => Assert.Null(a.DownloadSource));
    }

    [Fact]
    public async Task ResolveAsync_MirrorOnlyInAMirror_IsVerifiedAndStored()
    {
        var mirror = TestPaths.NewTempFolder("mirror");
        File.Copy(TestArtifacts.Get("tok512.model"), Path.Combine(mirror, "tok512.model"));
        var resolver = Resolver(new ArtifactOptions(), mirror);

        var resolved = await resolver.ResolveAsync("tok512.model", Ct);

        Assert.Equal(ArtifactProvenance.Mirror, resolved.Provenance);
        await using var reader = await _store.OpenReadAsync(resolved.Artifact.Sha256, null, Ct);
        Assert.Equal(resolved.Artifact.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(reader!.Content, Ct)));
    }

    [Fact]
    public async Task ResolveAsync_MirrorOnlyMissingWhileOnline_NeverDownloadsAndSaysSoInOneLine()
    {
        await using var server = new LoopbackFileServer();
        var resolver = Resolver(new ArtifactOptions { SourceBaseUrl = server.BaseUrl }, TestPaths.NewTempFolder("empty-mirror"));

        var error = await Assert.ThrowsAsync<ArtifactUnavailableException>(() => resolver.ResolveAsync("stories260K_kv.onnx", Ct));

        Assert.Equal(0, server.TotalRequests);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("artifact 'stories260K_kv.onnx' (1,091,409 bytes, sha256 3821f64ea16d…) is not available", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has no public source to download (mirror only)", error.Message, StringComparison.Ordinal);
        Assert.Contains("grid artifacts import", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("allow the download", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Validate_SourceAndMirrorOnlyTogetherOrNeither_IsRefused(bool withSource, bool withMirrorOnly)
    {
        var artifact = new ArtifactDescriptor(
            "x.onnx", 1, new string('a', 64), "MIT", null, withSource ? new ArtifactSource("o/r", "abc", "x.onnx") : null, null, withMirrorOnly ? "converted" : null);

        Assert.Equal("artifact 'x.onnx' needs exactly one of source, derivedFrom and mirrorOnly", artifact.Validate());
    }

    [Fact]
    public void Validate_MirrorOnlyWithoutSayingHowItWasMade_IsRefused()
    {
        var artifact = new ArtifactDescriptor("x.onnx", 1, new string('a', 64), "MIT", null, null, null, " ");

        Assert.Equal("mirror-only artifact 'x.onnx' must say how it was made", artifact.Validate());
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ArtifactResolver Resolver(ArtifactOptions options, string mirror)
    {
        options.Mirrors.Add(mirror);
        return new ArtifactResolver(ArtifactManifest.Default, _store, Options.Create(options), _http, NullLogger<ArtifactResolver>.Instance);
    }
}
