using ModelGrid.Auth;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Catalog;

[Collection(HubClusterGroup.Name)]
public sealed class CatalogGrainTests(HubCluster hub)
{
    private ICatalogGrain Catalog => hub.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    [Fact]
    public async Task Search_PrivateModels_AreSeenOnlyByTheirOwnerAndAdmins()
    {
        var owner = $"o{Guid.NewGuid():N}"[..12];
        var (publicId, _) = await hub.NewModelAsync(owner);
        var (privateId, _) = await hub.NewModelAsync(owner, ModelVisibility.Private);
        var query = new CatalogQuery(null, owner, null, null, 0, 100);

        var anonymous = await Catalog.Search(query, Principal.Anonymous);
        var stranger = await Catalog.Search(query, new Principal("t1", "mallory", TokenScopes.Read | TokenScopes.Publish));
        var self = await Catalog.Search(query, new Principal("t2", owner, TokenScopes.Read));
        var admin = await Catalog.Search(query, new Principal("admin", null, TokenScopes.Admin));

        Assert.Equal([publicId], anonymous.Items.Select(e => e.Id));
        Assert.Equal([publicId], stranger.Items.Select(e => e.Id));
        Assert.Equal(2, self.Total);
        Assert.Equal(2, admin.Total);
        Assert.Contains(privateId, admin.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Search_TextAndPaging_AreApplied()
    {
        var owner = $"p{Guid.NewGuid():N}"[..12];
        var ids = new List<ModelId>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await hub.NewModelAsync(owner)).Id);
        }

        var first = await Catalog.Search(new CatalogQuery(null, owner, null, null, 0, 2), Principal.Anonymous);
        var last = await Catalog.Search(new CatalogQuery(null, owner, null, null, 4, 2), Principal.Anonymous);
        var text = await Catalog.Search(new CatalogQuery(ids[3].Name.ToUpperInvariant(), null, null, null, 0, 10), Principal.Anonymous);

        var sorted = ids.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, first.Total);
        Assert.Equal(sorted.Take(2), first.Items.Select(e => e.Id.ToString()));
        Assert.Equal(sorted.Skip(4), last.Items.Select(e => e.Id.ToString()));
        Assert.Equal([ids[3]], text.Items.Select(e => e.Id));
    }
}
