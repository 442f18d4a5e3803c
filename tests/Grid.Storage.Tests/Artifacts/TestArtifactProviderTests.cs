using System.Security.Cryptography;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.Artifacts;

/// <summary>How the tests get third-party artifacts: shared mirrors, then the pinned source into the verified cache.</summary>
public sealed class TestArtifactProviderTests : IDisposable
{
    private const string Hint = "set GRID_TEST_SHARED=/path/to/shared (the folder holding datasets/ and models/)";
    private static readonly ArtifactDescriptor Mnist = ArtifactManifest.Default.Find("mnist.onnx")!;
    private static readonly string MnistSourcePath = $"{Mnist.Source!.Repository}/{Mnist.Source.Commit}/{Mnist.Source.Path}";
    private readonly string _cache = TestPaths.NewTempFolder("test-artifacts");
    private readonly string _shared = TestPaths.NewTempFolder("shared");
    private readonly List<TestArtifactProvider> _providers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Get_SharedFolderHoldsIt_AVerifiedCopyUnderItsNameInTheCache()
    {
        Directory.CreateDirectory(Path.Combine(_shared, "models", "mnist"));
        File.Copy(TestArtifacts.Get("mnist.onnx"), Path.Combine(_shared, "models", "mnist", "mnist.onnx"));

        var path = Provider(offlineBecause: "GRID_TEST_OFFLINE=1").Get("mnist.onnx");

        Assert.Equal(Path.Combine(_cache, "by-name", "mnist.onnx"), path);
        Assert.Equal(Mnist.Sha256, Sha256(path));
        Assert.Equal(Mnist.Sha256, Sha256(Path.Combine(_cache, "blobs", "sha256", "2f", Mnist.Sha256)));
    }

    [Fact]
    public void Get_SharedCopyWithOtherBytes_RefusedInOneLineNamingTheCopy()
    {
        var bytes = File.ReadAllBytes(TestArtifacts.Get("mnist.onnx"));
        bytes[^1] ^= 0xFF;
        Directory.CreateDirectory(Path.Combine(_shared, "models"));
        File.WriteAllBytes(Path.Combine(_shared, "models", "mnist.onnx"), bytes);

        var error = Assert.Throws<ArtifactUnavailableException>(() => Provider(offlineBecause: "CI=true").Get("mnist.onnx"));

        Assert.Equal(
            $"artifact 'mnist.onnx' is not available to the tests: the cache {_cache} does not hold it, {_shared}/models/mnist.onnx in the shared " +
            $"folder (GRID_TEST_SHARED) does not match its declared size and SHA-256, and downloading is off (CI=true); {Hint}, or let the tests " +
            "download it with GRID_TEST_OFFLINE=0",
            error.Message);
        Assert.False(File.Exists(Path.Combine(_cache, "by-name", "mnist.onnx")));
    }

    [Fact]
    public async Task Get_Online_FetchesThePinnedSourceOnceIntoTheCache()
    {
        await using var server = new LoopbackFileServer();
        server.Add(MnistSourcePath, await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct));

        var first = Provider(offlineBecause: null, server.BaseUrl).Get("mnist.onnx");
        var again = Provider(offlineBecause: "GRID_TEST_OFFLINE=1").Get("mnist.onnx");

        Assert.Equal(1, server.RequestsFor(MnistSourcePath));
        Assert.Equal(first, again);
        Assert.Equal(Mnist.Sha256, Sha256(again));
    }

    [Fact]
    public async Task Get_OnlineAndTheSourceHasNoSuchFile_OneLineNamingTheAddress()
    {
        await using var server = new LoopbackFileServer();

        var error = Assert.Throws<ArtifactUnavailableException>(() => Provider(offlineBecause: null, server.BaseUrl).Get("mnist.onnx"));

        Assert.Equal(
            $"artifact 'mnist.onnx' is not available to the tests: the cache {_cache} does not hold it, neither {_shared}/datasets nor " +
            $"{_shared}/models (GRID_TEST_SHARED) holds it, and downloading {server.BaseUrl}{MnistSourcePath} failed (it answered 404 Not Found); " +
            $"{Hint}, or run them where 127.0.0.1 can be reached",
            error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Get_OnlineSourceServesOtherBytes_RefusedAndNothingKept()
    {
        await using var server = new LoopbackFileServer();
        var bytes = await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct);
        bytes[0] ^= 0xFF;
        server.Add(MnistSourcePath, bytes);

        var error = Assert.Throws<ArtifactUnavailableException>(() => Provider(offlineBecause: null, server.BaseUrl).Get("mnist.onnx"));

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.EndsWith(
            $"and downloading {server.BaseUrl}{MnistSourcePath} failed (the content's sha256 is {actual}, but {Mnist.Sha256} was declared); " +
            $"{Hint}, or run them where 127.0.0.1 can be reached",
            error.Message);
        Assert.Empty(Directory.EnumerateFiles(_cache, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Get_OfflineWithAnEmptySharedFolder_MnistFailsWithOneLineNamingTheVariable()
    {
        var settings = TestArtifactSettings.From(
            new Dictionary<string, string?> { ["GRID_TEST_SHARED"] = _shared, ["GRID_TEST_CACHE"] = _cache, ["CI"] = "true" },
            TestPaths.RepositoryRoot);
        var provider = Track(new TestArtifactProvider(settings));

        var error = Assert.Throws<ArtifactUnavailableException>(() => provider.Get("mnist.onnx"));

        Assert.Equal(
            $"artifact 'mnist.onnx' is not available to the tests: the cache {_cache} does not hold it, neither {_shared}/datasets nor " +
            $"{_shared}/models (GRID_TEST_SHARED) holds it, and downloading is off (CI=true); {Hint}, or let the tests download it with " +
            "GRID_TEST_OFFLINE=0",
            error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Get_NoSharedFolder_SaysItDoesNotExist()
    {
        var missing = Path.Combine(_shared, "nowhere");
        var provider = Track(new TestArtifactProvider(new TestArtifactSettings(_cache, missing, SharedFolderVariable: false, "GRID_TEST_OFFLINE=1")));

        var error = Assert.Throws<ArtifactUnavailableException>(() => provider.Get("adult-test.csv"));

        Assert.Equal(
            $"artifact 'adult-test.csv' is not available to the tests: the cache {_cache} does not hold it, the shared folder {missing} " +
            $"(beside the checkout) does not exist, and downloading is off (GRID_TEST_OFFLINE=1); {Hint}, or let the tests download it with " +
            "GRID_TEST_OFFLINE=0",
            error.Message);
    }

    [Fact]
    public void Get_CachedCopyAltered_ReplacedByTheVerifiedOne()
    {
        File.Copy(TestArtifacts.Get("mnist.onnx"), Path.Combine(Directory.CreateDirectory(Path.Combine(_shared, "models")).FullName, "mnist.onnx"));
        var path = Provider(offlineBecause: "CI=1").Get("mnist.onnx");
        File.WriteAllBytes(path, new byte[Mnist.Size]);
        Directory.Delete(Path.Combine(_shared, "models"), recursive: true);

        var again = Provider(offlineBecause: "CI=1").Get("mnist.onnx");

        Assert.Equal(path, again);
        Assert.Equal(Mnist.Sha256, Sha256(again));
    }

    [Fact]
    public void MirrorFolder_EveryDeclaredArtifactVerifiedByName()
    {
        var labels = ArtifactManifest.Default.Find("t10k-labels-idx1-ubyte.gz")!;
        Directory.CreateDirectory(Path.Combine(_shared, "models", "mnist"));
        File.Copy(TestArtifacts.Get("mnist.onnx"), Path.Combine(_shared, "models", "mnist", "mnist.onnx"));
        File.Copy(TestArtifacts.Get(labels.Name), Path.Combine(_shared, "models", "mnist", labels.Name));
        var provider = Track(new TestArtifactProvider(
            new TestArtifactSettings(_cache, _shared, SharedFolderVariable: true, "CI=true"),
            new ArtifactManifest([Mnist, labels])));

        var mirror = provider.MirrorFolder;

        Assert.Equal(Path.Combine(_cache, "by-name"), mirror);
        Assert.Equal(["mnist.onnx", labels.Name], Directory.GetFiles(mirror).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(labels.Sha256, Sha256(Path.Combine(mirror, labels.Name)));
    }

    [Fact]
    public void SharedPath_FileWithoutAPublicSource_ReadInPlaceOrNamedInOneLine()
    {
        Directory.CreateDirectory(Path.Combine(_shared, "models", "lm"));
        File.WriteAllText(Path.Combine(_shared, "models", "lm", "SOURCES.md"), "# sources\n");
        var provider = Provider(offlineBecause: "CI=true");

        var present = provider.SharedPath("models/lm/SOURCES.md");
        var error = Assert.Throws<ArtifactUnavailableException>(() => provider.SharedPath("models/lm/tokenizer.json"));

        Assert.Equal(Path.Combine(_shared, "models", "lm", "SOURCES.md"), present);
        Assert.Equal(
            "'models/lm/tokenizer.json' is not available to the tests: it has no public source to download and comes only from the shared " +
            $"folder, but {_shared}/models/lm/tokenizer.json does not exist; set GRID_TEST_SHARED=/path/to/shared (the folder holding it)",
            error.Message);
    }

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        Directory.Delete(_cache, recursive: true);
        Directory.Delete(_shared, recursive: true);
    }

    private TestArtifactProvider Provider(string? offlineBecause, Uri? sourceBaseUrl = null) =>
        Track(new TestArtifactProvider(new TestArtifactSettings(_cache, _shared, SharedFolderVariable: true, offlineBecause, sourceBaseUrl)));

    private TestArtifactProvider Track(TestArtifactProvider provider)
    {
        _providers.Add(provider);
        return provider;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
