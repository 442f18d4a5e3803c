using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Artifacts;

public sealed class ArtifactResolverTests : IDisposable
{
    private const string Original =
        "id,name,first,last,dob,charge\r\n" +
        "1,\"Doe, Jane\",Jane,Doe,1980-01-01,\"Battery, simple\"\r\n" +
        "2,Roe,Richard,Roe,1975-05-05,Theft\r\n";

    private const string Derived =
        "id,charge\n" +
        "1,\"Battery, simple\"\n" +
        "2,Theft\n";

    private readonly string _root = TestPaths.NewTempFolder("artifacts");
    private readonly ContentAddressedStore _store;
    private readonly HttpClient _http = new();

    public ArtifactResolverTests() => _store = new ContentAddressedStore(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_EveryDeclaredArtifact_ComesVerifiedFromTheOfflineMirrors()
    {
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { Offline = true }, [TestArtifacts.MirrorFolder]);

        foreach (var artifact in ArtifactManifest.Default.Artifacts)
        {
            var resolved = await resolver.ResolveAsync(artifact.Name, Ct);

            Assert.Equal(ArtifactProvenance.Mirror, resolved.Provenance);
            Assert.Equal(artifact.Sha256, await DigestOfStoredAsync(artifact.Sha256));
        }
    }

    [Fact]
    public async Task ResolveAsync_SecondTime_UsesTheStoreAndTouchesNoMirror()
    {
        var mirror = TestPaths.NewTempFolder("mirror");
        File.Copy(TestArtifacts.Get("mnist.onnx"), Path.Combine(mirror, "mnist.onnx"));
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { Offline = true }, [mirror]);
        Assert.Equal(ArtifactProvenance.Mirror, (await resolver.ResolveAsync("mnist.onnx", Ct)).Provenance);

        Directory.Delete(mirror, recursive: true);

        Assert.Equal(ArtifactProvenance.Store, (await resolver.ResolveAsync("mnist.onnx", Ct)).Provenance);
    }

    [Fact]
    public async Task ResolveAsync_MirrorCopyWithOtherBytes_IsSkippedAndTheErrorSaysHowToProvideIt()
    {
        var mirror = TestPaths.NewTempFolder("mirror");
        var real = await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct);
        real[100] ^= 0xFF;
        await File.WriteAllBytesAsync(Path.Combine(mirror, "mnist.onnx"), real, Ct);
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { Offline = true }, [mirror]);

        var error = await Assert.ThrowsAsync<ArtifactUnavailableException>(() => resolver.ResolveAsync("mnist.onnx", Ct));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("mnist.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
        Assert.Contains("grid artifacts import", error.Message, StringComparison.Ordinal);
        Assert.Contains("Grid__Artifacts__Mirrors__0", error.Message, StringComparison.Ordinal);
        Assert.False(await _store.ExistsAsync(ArtifactManifest.Default.Find("mnist.onnx")!.Sha256, Ct));
    }

    [Fact]
    public async Task ResolveAsync_Online_DownloadsFromThePinnedSourceOnceAndVerifies()
    {
        await using var server = new LoopbackFileServer();
        var bytes = await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct);
        var artifact = ArtifactManifest.Default.Find("mnist.onnx")!;
        var path = $"{artifact.Source!.Repository}/{artifact.Source.Commit}/{artifact.Source.Path}";
        server.Add(path, bytes);
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { SourceBaseUrl = server.BaseUrl }, []);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => resolver.ResolveAsync("mnist.onnx", Ct)));

        Assert.Equal(1, server.RequestsFor(path));
        Assert.Single(results, r => r.Provenance == ArtifactProvenance.Download);
        Assert.Equal(new Uri(server.BaseUrl, path).ToString(), results.Single(r => r.Provenance == ArtifactProvenance.Download).From);
        Assert.Equal(artifact.Sha256, await DigestOfStoredAsync(artifact.Sha256));
    }

    [Fact]
    public async Task ResolveAsync_OnlineWithWrongBytes_StoresNothing()
    {
        await using var server = new LoopbackFileServer();
        var artifact = ArtifactManifest.Default.Find("mnist.onnx")!;
        server.Add($"{artifact.Source!.Repository}/{artifact.Source.Commit}/{artifact.Source.Path}", new byte[artifact.Size]);
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { SourceBaseUrl = server.BaseUrl }, []);

        var error = await Assert.ThrowsAsync<ArtifactUnavailableException>(() => resolver.ResolveAsync("mnist.onnx", Ct));

        Assert.Contains("does not match the declared digest", error.Message, StringComparison.Ordinal);
        Assert.False(await _store.ExistsAsync(artifact.Sha256, Ct));
    }

    [Fact]
    public async Task ResolveAsync_OnlineMissing_SaysWhereItLooked()
    {
        await using var server = new LoopbackFileServer();
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { SourceBaseUrl = server.BaseUrl }, []);

        var error = await Assert.ThrowsAsync<ArtifactUnavailableException>(() => resolver.ResolveAsync("mnist.onnx", Ct));

        Assert.Contains("answered 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("no mirror folders are configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_Offline_NeverDownloads()
    {
        await using var server = new LoopbackFileServer();
        var resolver = Resolver(ArtifactManifest.Default, new ArtifactOptions { Offline = true, SourceBaseUrl = server.BaseUrl }, []);

        var error = await Assert.ThrowsAsync<ArtifactUnavailableException>(() => resolver.ResolveAsync("adult-test.csv", Ct));

        Assert.Equal(0, server.TotalRequests);
        Assert.Contains("downloading is off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_DerivedArtifact_DownloadsTheOriginalVerifiesItAndStoresOnlyTheTransform()
    {
        await using var server = new LoopbackFileServer();
        var manifest = DerivedManifest();
        server.Add("people/data/abc123/people.csv", Encoding.UTF8.GetBytes(Original));
        var resolver = Resolver(manifest, new ArtifactOptions { SourceBaseUrl = server.BaseUrl }, []);

        var resolved = await resolver.ResolveAsync("people-nopii.csv", Ct);

        Assert.Equal(ArtifactProvenance.Download, resolved.Provenance);
        Assert.Equal(Derived, await ReadStoredAsync(Sha(Derived)));
        Assert.False(await _store.ExistsAsync(Sha(Original), Ct));
    }

    [Fact]
    public async Task ResolveAsync_DerivedArtifact_FromAnOriginalInAMirror()
    {
        var mirror = TestPaths.NewTempFolder("mirror");
        Directory.CreateDirectory(Path.Combine(mirror, "nested"));
        await File.WriteAllTextAsync(Path.Combine(mirror, "nested", "people.csv"), Original, Ct);
        var resolver = Resolver(DerivedManifest(), new ArtifactOptions { Offline = true }, [mirror]);

        var resolved = await resolver.ResolveAsync("people-nopii.csv", Ct);

        Assert.Equal(ArtifactProvenance.Mirror, resolved.Provenance);
        Assert.Equal(Derived, await ReadStoredAsync(Sha(Derived)));
    }

    [Fact]
    public async Task ResolveAsync_DerivedArtifactWithATamperedOriginal_StoresNothing()
    {
        await using var server = new LoopbackFileServer();
        server.Add("people/data/abc123/people.csv", Encoding.UTF8.GetBytes(Original.Replace("Theft", "Thief", StringComparison.Ordinal)));
        var resolver = Resolver(DerivedManifest(), new ArtifactOptions { SourceBaseUrl = server.BaseUrl }, []);

        await Assert.ThrowsAsync<ArtifactUnavailableException>(() => resolver.ResolveAsync("people-nopii.csv", Ct));

        Assert.False(await _store.ExistsAsync(Sha(Derived), Ct));
    }

    [Fact]
    public void Manifest_DeclaresEachArtifactWithAPinnedCommit()
    {
        foreach (var artifact in ArtifactManifest.Default.Artifacts.Where(a => a.MirrorOnly is null))
        {
            Assert.Matches("^[0-9a-f]{40}$", artifact.DownloadSource!.Commit);
            Assert.StartsWith("https://raw.githubusercontent.com/", artifact.DownloadSource.ToUrl(new ArtifactOptions().SourceBaseUrl).ToString(), StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static ArtifactManifest DerivedManifest()
    {
        var original = Encoding.UTF8.GetBytes(Original);
        var derived = Encoding.UTF8.GetBytes(Derived);
        return new ArtifactManifest([
            new ArtifactDescriptor("people-nopii.csv", derived.Length, Sha(Derived), "test", null, null,
                new ArtifactOrigin("people.csv", original.Length, Sha(Original), new ArtifactSource("people/data", "abc123", "people.csv"),
                    new ArtifactTransform(ArtifactTransform.CsvDropColumns, ["name", "first", "last", "dob"]))),
        ]);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private ArtifactResolver Resolver(ArtifactManifest manifest, ArtifactOptions options, IEnumerable<string> mirrors)
    {
        foreach (var mirror in mirrors)
        {
            options.Mirrors.Add(mirror);
        }

        return new ArtifactResolver(manifest, _store, Options.Create(options), _http, NullLogger<ArtifactResolver>.Instance);
    }

    private async Task<string> DigestOfStoredAsync(string sha256)
    {
        await using var reader = await _store.OpenReadAsync(sha256, null, Ct);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(reader!.Content, Ct));
    }

    private async Task<string> ReadStoredAsync(string sha256)
    {
        await using var reader = await _store.OpenReadAsync(sha256, null, Ct);
        using var text = new StreamReader(reader!.Content);
        return await text.ReadToEndAsync(Ct);
    }
}
