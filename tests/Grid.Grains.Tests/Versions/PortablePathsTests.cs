using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Grains.Versions;
using ModelGrid.Hub;
using ModelGrid.Storage;
using Orleans.Storage;

namespace ModelGrid.Grains.Tests.Versions;

/// <summary>A draft's files must be pullable on every client OS, whether they are declared at once or one by one.</summary>
[Collection(HubClusterGroup.Name)]
public sealed class PortablePathsTests(HubCluster hub)
{
    private static readonly string Digest = new('a', 64);

    [Theory]
    [InlineData("a", "a/b", "'a' is a file, but 'a/b' needs a folder of that name")]
    [InlineData("A.bin", "a.bin", "'A.bin' and 'a.bin' differ only in letter case; Windows and macOS would store them as one file")]
    [InlineData("caf\u00e9.bin", "cafe\u0301.bin", "'cafe\u0301.bin' and 'caf\u00e9.bin' are the same name in different Unicode normalisation forms (NFC and NFD); Windows and macOS would store them as one file")]
    [InlineData("ok.bin", "con.txt", "'con.txt' uses 'con.txt', a device name Windows reserves (with any extension)")]
    [InlineData("ok.bin", "dir./x.bin", "'dir./x.bin' has a segment ending in a dot ('dir.'), which Windows drops")]
    [InlineData("ok.bin", "x\u202egnp.exe", "'x\\u202egnp.exe' contains the invisible character U+202E, which can make one name look like another")]
    public async Task CreateDraft_UnportablePaths_IsInvalidAndTakesNoNumber(string first, string second, string expected)
    {
        var (_, model) = await hub.NewModelAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => model.CreateDraft(new DraftRequest([Declared(first), Declared(second)], null), "t"));
        var next = await model.CreateDraft(new DraftRequest([Declared("fine.bin")], null), "t");

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Equal(expected, error.Message);
        Assert.Equal(1, next.Number);
    }

    [Theory]
    [InlineData("weights", "weights/model.bin", "'weights' is a file, but 'weights/model.bin' needs a folder of that name")]
    [InlineData("weights/model.bin", "weights", "'weights' is a file, but 'weights/model.bin' needs a folder of that name")]
    [InlineData("Model.onnx", "model.ONNX", "'Model.onnx' and 'model.ONNX' differ only in letter case; Windows and macOS would store them as one file")]
    [InlineData("cafe\u0301", "caf\u00e9/y.bin", "'cafe\u0301' is a file, but 'caf\u00e9/y.bin' needs a folder of that name")]
    [InlineData("ok.bin", "LPT1", "'LPT1' uses 'LPT1', a device name Windows reserves (with any extension)")]
    [InlineData("ok.bin", "zero\u200bwidth.bin", "'zero\\u200bwidth.bin' contains the invisible character U+200B, which can make one name look like another")]
    public async Task DeclareFile_OneByOne_IsHeldToTheSameRule(string first, string second, string expected)
    {
        var (id, model) = await hub.NewModelAsync();
        var draft = await model.CreateDraft(new DraftRequest([Declared(first)], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));

        var error = await Assert.ThrowsAsync<HubException>(() => version.DeclareFile(Declared(second)));

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Equal(expected, error.Message);

        Assert.Equal([first], (await version.Get())!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task DeclareFile_SameFolderInBothNormalForms_IsAccepted()
    {
        // One folder on macOS, two elsewhere: either way no file is lost.
        var (id, model) = await hub.NewModelAsync();
        var draft = await model.CreateDraft(new DraftRequest([Declared("cafe\u0301/x.bin")], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));

        await version.DeclareFile(Declared("caf\u00e9/y.bin"));

        Assert.Equal(2, (await version.Get())!.Files.Count);
    }

    [Fact]
    public async Task DeclareFile_FolderBesideFolder_IsAccepted()
    {
        var (id, model) = await hub.NewModelAsync();
        var draft = await model.CreateDraft(new DraftRequest([Declared("weights/a.bin")], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));

        await version.DeclareFile(Declared("weights/b.bin"));
        await version.DeclareFile(Declared("weights-old/a.bin"));

        Assert.Equal(["weights-old/a.bin", "weights/a.bin", "weights/b.bin"], (await version.Get())!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Publish_DraftOpenedBeforeTheRuleWithAConflict_IsRefused()
    {
        var (id, model) = await hub.NewModelAsync();
        var a = await hub.StoreAsync("a", "file a");
        var draft = await model.CreateDraft(new DraftRequest([a], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));
        await version.MarkPresent(a);
        var nested = await hub.StoreAsync("a/b", "file a/b");
        await WriteLegacyDraftFileAsync(version, new DeclaredFile(nested.Path, nested.Size, nested.Sha256, true));

        var error = await Assert.ThrowsAsync<HubException>(() => model.Publish(draft.Number, "t"));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
        Assert.Equal($"{id}@{draft.Number} cannot be published: 'a' is a file, but 'a/b' needs a folder of that name; open a new draft without that path", error.Message);
        Assert.Equal(VersionStatus.Draft, (await version.Get())!.Status);
    }

    private static ManifestFile Declared(string path) => new(path, 1, Digest);

    /// <summary>Adds a file to a draft's stored state behind the grain's back, as data written before the rule holds it.</summary>
    private async Task WriteLegacyDraftFileAsync(IModelVersionGrain version, DeclaredFile file)
    {
        await hub.Cluster.DeactivateAsync(version);
        var storage = hub.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStorage);
        var state = new GrainState<VersionState>(new VersionState());
        await storage.ReadStateAsync("version", version.GetGrainId(), state);
        state.State!.Files.Add(file);
        await storage.WriteStateAsync("version", version.GetGrainId(), state);
    }
}
