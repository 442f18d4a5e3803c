using ModelGrid.Auth;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Models;

/// <summary>Drafts are listed by age, deleted without giving their number out again, and left out of version counts.</summary>
[Collection(HubClusterGroup.Name)]
public sealed class DraftTests(HubCluster hub)
{
    [Fact]
    public async Task ListDrafts_OlderThan_KeepsTheDraftsOpenedAtLeastThatLongAgo()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "weights");
        var old = await model.CreateDraft(new DraftRequest([file], null), "tester");
        hub.Time.Advance(TimeSpan.FromDays(7));
        var boundary = await model.CreateDraft(new DraftRequest([file], null), "tester");
        await hub.PublishAsync(id, file);
        hub.Time.Advance(TimeSpan.FromDays(1));
        var fresh = await model.CreateDraft(new DraftRequest([file], null), "tester");

        var all = await model.ListDrafts(null);
        var week = await model.ListDrafts(TimeSpan.FromDays(8));
        var day = await model.ListDrafts(TimeSpan.FromDays(1));

        Assert.Equal([fresh.Number, boundary.Number, old.Number], all.Select(v => v.Number));
        Assert.Equal([old.Number], week.Select(v => v.Number));
        Assert.Equal([boundary.Number, old.Number], day.Select(v => v.Number));
    }

    [Fact]
    public async Task DeleteDraft_RemovesTheVersion_AndItsNumberIsNeverGivenOutAgain()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", $"draft {Guid.NewGuid()}");
        var draft = await model.CreateDraft(new DraftRequest([file], "---\nlicense: MIT\n---\n"), "tester");
        await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).MarkPresent(file);

        await model.DeleteDraft(draft.Number, "tester");
        var next = await model.CreateDraft(new DraftRequest([file], null), "tester");

        Assert.Null(await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).Get());
        Assert.Equal([next.Number], (await model.ListVersions()).Select(v => v.Number));
        Assert.Equal(draft.Number + 1, next.Number);
        Assert.True(VersionRef.TryParse(draft.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), out var number, out _));
        Assert.Equal(HubErrorKind.NotFound, (await Assert.ThrowsAsync<HubException>(() => model.Resolve(number))).Kind);
        Assert.DoesNotContain(new ContentReference(id, draft.Number), await hub.Grains.GetGrain<IContentRefGrain>(file.Sha256).List());
    }

    [Fact]
    public async Task DeleteDraft_OfAPublishedOrWithdrawnVersion_IsAConflict()
    {
        var (id, model) = await hub.NewModelAsync();
        var published = await hub.PublishAsync(id, await hub.StoreAsync("f", "one"));
        var withdrawn = await hub.PublishAsync(id, await hub.StoreAsync("f", "two"));
        await model.Withdraw(withdrawn.Number, "superseded", "tester");

        var first = await Assert.ThrowsAsync<HubException>(() => model.DeleteDraft(published.Number, "tester"));
        var second = await Assert.ThrowsAsync<HubException>(() => model.DeleteDraft(withdrawn.Number, "tester"));
        var missing = await Assert.ThrowsAsync<HubException>(() => model.DeleteDraft(99, "tester"));

        Assert.Equal(HubErrorKind.Conflict, first.Kind);
        Assert.Contains("withdraw it instead", first.Message, StringComparison.Ordinal);
        Assert.Equal(HubErrorKind.Conflict, second.Kind);
        Assert.Equal(HubErrorKind.NotFound, missing.Kind);
        Assert.Equal(VersionStatus.Published, (await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(published.Number)).Get())!.Status);
    }

    [Fact]
    public async Task VersionCount_LeavesDraftsOut_InTheDetailsAndTheCatalogue()
    {
        var owner = $"c{Guid.NewGuid():N}"[..12];
        var (id, model) = await hub.NewModelAsync(owner);
        await hub.PublishAsync(id, await hub.StoreAsync("f", "one"));
        var withdrawn = await hub.PublishAsync(id, await hub.StoreAsync("f", "two"));
        await model.Withdraw(withdrawn.Number, "superseded", "tester");
        for (var i = 0; i < 3; i++)
        {
            await model.CreateDraft(new DraftRequest([await hub.StoreAsync("f", "three")], null), "tester");
        }

        var details = (await model.Get())!;
        var listed = (await hub.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Search(new CatalogQuery(null, owner, null, null, 0, 10), Principal.Anonymous)).Items.Single();

        Assert.Equal(2, details.VersionCount);
        Assert.Equal(3, details.DraftCount);
        Assert.Null(details.For(maySeeDrafts: false).DraftCount);
        Assert.Equal(2, listed.VersionCount);
    }
}
