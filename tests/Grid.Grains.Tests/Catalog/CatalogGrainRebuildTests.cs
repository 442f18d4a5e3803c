using System.Globalization;
using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Grains.Tests.Catalog;

/// <summary>The catalogue is derived from the model records, so a damaged or missing catalogue record is rebuilt from them.</summary>
[Collection(HubClusterGroup.Name)]
public sealed class CatalogGrainRebuildTests(HubCluster hub)
{
    private static readonly Principal Admin = new("admin", null, TokenScopes.Admin);

    private ICatalogGrain Catalog => hub.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    private string CatalogRecord => hub.RecordPath("catalog", "catalog", ICatalogGrain.Key);

    [Fact]
    public async Task Search_DamagedCatalogueRecord_IsRebuiltFromTheModelRecordsAndTheRecordQuarantined()
    {
        var owner = $"r{Guid.NewGuid():N}"[..12];
        var (first, _) = await hub.NewModelAsync(owner);
        var (second, _) = await hub.NewModelAsync(owner, ModelVisibility.Private);
        await Catalog.Search(new CatalogQuery(null, owner, null, null, 0, 10), Admin);
        await hub.DeactivateAsync(Catalog);
        byte[] damaged = [.. "{\"alice/x\":{\"Id\":"u8];
        await File.WriteAllBytesAsync(CatalogRecord, damaged, TestContext.Current.CancellationToken);

        var page = await Catalog.Search(new CatalogQuery(null, owner, null, null, 0, 10), Admin);
        var anonymous = await Catalog.Search(new CatalogQuery(null, owner, null, null, 0, 10), Principal.Anonymous);

        Assert.Equal(new[] { first, second }.Select(i => i.ToString()).Order(StringComparer.Ordinal), page.Items.Select(e => e.Id.ToString()));
        Assert.Equal([first], anonymous.Items.Select(e => e.Id));
        var quarantined = Path.Combine(hub.DataPath, "quarantine", hub.Time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), "catalog-catalog", "all.json");
        Assert.Equal(damaged, await File.ReadAllBytesAsync(quarantined, TestContext.Current.CancellationToken));
        Assert.Null(StateRecordCheck.FindProblem(await File.ReadAllBytesAsync(CatalogRecord, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Upsert_CatalogueRecordMissingAndAModelRecordDamaged_RebuildsTheOthersAndAddsTheNewModel()
    {
        var owner = $"s{Guid.NewGuid():N}"[..12];
        var (kept, _) = await hub.NewModelAsync(owner);
        var (broken, brokenGrain) = await hub.NewModelAsync(owner);
        await hub.DeactivateAsync(brokenGrain);
        await File.WriteAllBytesAsync(hub.RecordPath("model", "model", broken.ToString()), [], TestContext.Current.CancellationToken);
        await hub.DeactivateAsync(Catalog);
        File.Delete(CatalogRecord);

        var (added, _) = await hub.NewModelAsync(owner);
        var page = await Catalog.Search(new CatalogQuery(null, owner, null, null, 0, 10), Admin);

        Assert.Equal(new[] { kept, added }.Select(i => i.ToString()).Order(StringComparer.Ordinal), page.Items.Select(e => e.Id.ToString()));
    }
}
