using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Versions;

/// <summary>A draft's declared file can be removed and declared again; a published version's files never change.</summary>
[Collection(HubClusterGroup.Name)]
public sealed class RemoveFileTests(HubCluster hub)
{
    [Fact]
    public async Task RemoveFile_AWrongDeclaration_CanBeDeclaredAgain()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "right");
        var draft = await model.CreateDraft(new DraftRequest([file with { Sha256 = new string('0', 64) }], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));

        var conflict = await Assert.ThrowsAsync<HubException>(() => version.DeclareFile(file));
        var removed = await version.RemoveFile("w.bin");
        await version.DeclareFile(file);
        await version.MarkPresent(file);
        var published = await model.Publish(draft.Number, "t");

        Assert.Equal(HubErrorKind.Conflict, conflict.Kind);
        Assert.Contains("DELETE the file from the draft", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(new string('0', 64), removed.Sha256);
        Assert.Equal([file], published.Files.Select(f => f.ToManifestFile()));
    }

    [Fact]
    public async Task RemoveFile_APresentFile_ForgetsTheContentReferenceOnlyWhenNoOtherFileUsesIt()
    {
        var (id, model) = await hub.NewModelAsync();
        var a = await hub.StoreAsync("a.bin", $"shared {Guid.NewGuid()}");
        var b = a with { Path = "b.bin" };
        var draft = await model.CreateDraft(new DraftRequest([a, b], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));
        await version.MarkPresent(a);
        await version.MarkPresent(b);
        var references = hub.Grains.GetGrain<IContentRefGrain>(a.Sha256);

        await version.RemoveFile("a.bin");
        var whileBUsesIt = await references.List();
        await version.RemoveFile("b.bin");

        Assert.Equal([new ContentReference(id, draft.Number)], whileBUsesIt);
        Assert.Empty(await references.List());
        Assert.Empty((await version.Get())!.Files);
    }

    [Fact]
    public async Task RemoveFile_UndeclaredOrPublished_IsRefused()
    {
        var (id, _) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "w");
        var published = await hub.PublishAsync(id, file);
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(published.Number));

        var frozen = await Assert.ThrowsAsync<HubException>(() => version.RemoveFile("w.bin"));
        var (otherId, other) = await hub.NewModelAsync();
        var draft = await other.CreateDraft(new DraftRequest([file], null), "t");
        var missing = await Assert.ThrowsAsync<HubException>(() => hub.Grains.GetGrain<IModelVersionGrain>(otherId.VersionKey(draft.Number)).RemoveFile("nope.bin"));

        Assert.Equal(HubErrorKind.Conflict, frozen.Kind);
        Assert.Equal(HubErrorKind.NotFound, missing.Kind);
        Assert.Equal(published.Files, (await version.Get())!.Files);
    }
}
