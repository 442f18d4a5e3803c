using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Models;

[Collection(HubClusterGroup.Name)]
public sealed class AliasTests(HubCluster hub)
{
    [Fact]
    public async Task SetAlias_MovesOnlyByAnExplicitCallAndKeepsItsHistory()
    {
        var (id, model) = await hub.NewModelAsync();
        var v1 = await hub.PublishAsync(id, await hub.StoreAsync("f", "1"));
        await model.SetAlias("stable", v1.Number, "alice");
        var v2 = await hub.PublishAsync(id, await hub.StoreAsync("f", "2"));

        Assert.Equal(v1.Number, await model.Resolve(new VersionRef(VersionRefKind.Alias, "stable")));

        hub.Time.Advance(TimeSpan.FromMinutes(5));
        await model.SetAlias("stable", v2.Number, "bob");
        await model.DeleteAlias("stable", "carol");

        var history = await model.GetAliasHistory("stable");
        Assert.Equal([(null, 1, "alice"), (1, 2, "bob"), (2, null, "carol")], history.Select(h => (h.From, h.To, h.By)));
        Assert.Equal(TimeSpan.FromMinutes(5), history[1].At - history[0].At);
        await Assert.ThrowsAsync<HubException>(() => model.Resolve(new VersionRef(VersionRefKind.Alias, "stable")));
    }

    [Fact]
    public async Task ListAliases_ShowsReservedAndUserAliases()
    {
        var (id, model) = await hub.NewModelAsync();
        var v1 = await hub.PublishAsync(id, await hub.StoreAsync("f", "1"));
        await model.SetAlias("beta", v1.Number, "alice");

        var aliases = await model.ListAliases();

        Assert.Equal(["latest", "main", "beta"], aliases.Select(a => a.Alias));
        Assert.Equal([true, true, false], aliases.Select(a => a.Reserved));
        Assert.All(aliases, a => Assert.Equal(v1.Number, a.Version));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("main")]
    [InlineData("1stable")]
    [InlineData("Stable")]
    [InlineData("abcdefabcdefabcdefabcdefabcdefabcdefabcd")]
    public async Task SetAlias_InvalidOrReservedName_IsRejected(string alias)
    {
        var (id, model) = await hub.NewModelAsync();
        var v1 = await hub.PublishAsync(id, await hub.StoreAsync("f", "1"));

        var error = await Assert.ThrowsAsync<HubException>(() => model.SetAlias(alias, v1.Number, "alice"));

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public async Task SetAlias_ToADraftOrWithdrawnVersion_IsAConflict()
    {
        var (id, model) = await hub.NewModelAsync();
        var published = await hub.PublishAsync(id, await hub.StoreAsync("f", "1"));
        var draft = await model.CreateDraft(new DraftRequest([await hub.StoreAsync("g", "2")], null), "t");
        await model.Withdraw(published.Number, "gone", "t");

        Assert.Equal(HubErrorKind.Conflict, (await Assert.ThrowsAsync<HubException>(() => model.SetAlias("x", draft.Number, "t"))).Kind);
        Assert.Equal(HubErrorKind.Conflict, (await Assert.ThrowsAsync<HubException>(() => model.SetAlias("x", published.Number, "t"))).Kind);
        Assert.Equal(HubErrorKind.NotFound, (await Assert.ThrowsAsync<HubException>(() => model.SetAlias("x", 99, "t"))).Kind);
    }
}
