using System.Text;
using ModelGrid.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Tests.Versions;

[Collection(HubClusterGroup.Name)]
public sealed class ModelVersionGrainTests(HubCluster hub)
{
    private const string Card = "---\nlicense: MIT\ntags:\n  - test\n---\n# Card\n";

    [Fact]
    public async Task PublishedVersion_RefusesEveryChangeToItsFiles()
    {
        var (id, _) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "w");
        var published = await hub.PublishAsync(id, file);
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(published.Number));

        var declare = await Assert.ThrowsAsync<HubException>(() => version.DeclareFile(new ManifestFile("new.bin", 1, new string('1', 64))));
        var mark = await Assert.ThrowsAsync<HubException>(() => version.MarkPresent(file));
        var card = await Assert.ThrowsAsync<HubException>(() => version.SetDraftCard(Card));

        Assert.All([declare, mark, card], e => Assert.Equal(HubErrorKind.Conflict, e.Kind));
        Assert.Equal(published.Files, (await version.Get())!.Files);
    }

    [Fact]
    public async Task DeclareFile_SamePathWithOtherContent_IsAConflict()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "w");
        var draft = await model.CreateDraft(new DraftRequest([file], null), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));

        var same = await version.DeclareFile(file);
        var error = await Assert.ThrowsAsync<HubException>(() => version.DeclareFile(file with { Sha256 = new string('f', 64) }));
        var added = await version.DeclareFile(new ManifestFile("extra.bin", 3, new string('e', 64)));

        Assert.Equal(file.Sha256, same.Sha256);
        Assert.Equal(HubErrorKind.Conflict, error.Kind);
        Assert.False(added.Present);
        Assert.Equal(["extra.bin", "w.bin"], (await version.Get())!.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task MarkPresent_WithOtherDigestThanDeclared_IsAConflict()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "w");
        var draft = await model.CreateDraft(new DraftRequest([file], null), "t");

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).MarkPresent(file with { Size = 99 }));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task MarkPresent_RecordsTheUseOfTheDigest()
    {
        var (id, _) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", $"unique {Guid.NewGuid()}");
        var published = await hub.PublishAsync(id, file);

        var references = await hub.Grains.GetGrain<IContentRefGrain>(file.Sha256).List();

        Assert.Equal([new ContentReference(id, published.Number)], references);
    }

    [Fact]
    public async Task Publish_WritesTheDraftCardAsR1_AndLaterRevisionsFollow()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "w");
        var draft = await model.CreateDraft(new DraftRequest([file], Card), "t");
        var version = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));
        await version.MarkPresent(file);
        await model.Publish(draft.Number, "alice");

        var r2 = await version.AddCardRevision(Card + "\nMore.\n", "bob", "publisher");
        var cards = await version.ListCards();

        Assert.Equal([1, 2], cards.Select(c => c.Revision));
        Assert.Equal(["alice", "bob"], cards.Select(c => c.Author));
        Assert.Equal(Card, await ReadBlobAsync(HubLayout.Card(id, draft.Number, 1)));
        Assert.Equal(Card + "\nMore.\n", await ReadBlobAsync(HubLayout.Card(id, draft.Number, 2)));
        Assert.Equal(Encoding.UTF8.GetByteCount(Card + "\nMore.\n"), r2.Size);
    }

    [Fact]
    public async Task CreateDraft_WithInvalidCardYaml_IsRejectedBeforeANumberIsTaken()
    {
        var (_, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "w");

        var error = await Assert.ThrowsAsync<HubException>(() => model.CreateDraft(new DraftRequest([file], "---\nlicense: [unclosed\n---\nbody\n"), "t"));
        var next = await model.CreateDraft(new DraftRequest([file], null), "t");

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Contains("YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, next.Number);
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var (id, model) = await hub.NewModelAsync();
        var published = await hub.PublishAsync(id, await hub.StoreAsync("w.bin", "persisted"));
        await model.SetAlias("stable", published.Number, "t");

        await hub.Cluster.DeactivateAsync(model);
        await hub.Cluster.DeactivateAsync(hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(published.Number)));

        var reloaded = hub.Grains.GetGrain<IModelGrain>(id.ToString());
        Assert.Equal(published.Number, await reloaded.Resolve(new VersionRef(VersionRefKind.Alias, "stable")));
        Assert.Equal(published.RevisionId, (await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(published.Number)).Get())!.RevisionId);
    }

    private async Task<string> ReadBlobAsync(string name)
    {
        await using var reader = await hub.Content.Blobs.OpenReadAsync(name, null, TestContext.Current.CancellationToken);
        using var text = new StreamReader(reader!.Content);
        return await text.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
