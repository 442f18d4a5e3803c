using ModelGrid.Hub;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Grains.Tests.Models;

/// <summary>A model whose state record is damaged or missing fails on its own, clearly, and is never created again over its versions.</summary>
[Collection(HubClusterGroup.Name)]
public sealed class ModelGrainDamagedRecordTests(HubCluster hub)
{
    [Fact]
    public async Task Get_TruncatedRecord_ThrowsDamagedStateNamingTheRecord()
    {
        var (id, model) = await hub.NewModelAsync();
        await hub.DeactivateAsync(model);
        var path = hub.RecordPath("model", "model", id.ToString());
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..17], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<DamagedStateException>(model.Get);

        Assert.Equal(StateRecordNames.For("model", "model", id.ToString()), error.Record);
        Assert.Equal("ends before its JSON is complete (truncated after 17 bytes)", error.Problem);
        Assert.Equal(("model", id.ToString()), (error.GrainType, error.GrainKey));
    }

    [Fact]
    public async Task Create_OverAnEmptyRecordOfAModelWithVersions_IsRefusedAndTheVersionIsKept()
    {
        var (id, model) = await hub.NewModelAsync();
        await hub.PublishAsync(id, await hub.StoreAsync("w.bin", "kept weights"));
        await hub.DeactivateAsync(model);
        var path = hub.RecordPath("model", "model", id.ToString());
        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<DamagedStateException>(() => model.Create(new ModelCreate("again", null, null, null, ModelVisibility.Public), "tester"));

        Assert.Equal(StateRecordCheck.Empty, error.Problem);
        Assert.Empty(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(VersionStatus.Published, (await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(1)).Get())!.Status);
    }

    [Fact]
    public async Task Create_RecordMissingWhileItsVersionsAreStored_IsAConflict()
    {
        var (id, model) = await hub.NewModelAsync();
        await hub.PublishAsync(id, await hub.StoreAsync("w.bin", "orphan weights"));
        await hub.DeactivateAsync(model);
        File.Delete(hub.RecordPath("model", "model", id.ToString()));

        var error = await Assert.ThrowsAsync<HubException>(() => model.Create(new ModelCreate("again", null, null, null, ModelVisibility.Public), "tester"));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
        Assert.Equal("Model record missing", error.Title);
        Assert.Equal($"{id} has stored versions but its model record is missing (lost, or quarantined by 'grid admin check --quarantine'); restore the record instead of creating the model again", error.Message);
        Assert.Null(await model.Get());
    }

    [Fact]
    public async Task Get_DamagedRecordOfOneModel_OtherModelsOfTheOwnerStillWork()
    {
        var owner = $"d{Guid.NewGuid():N}"[..12];
        var (damagedId, damaged) = await hub.NewModelAsync(owner);
        var (_, healthy) = await hub.NewModelAsync(owner);
        await hub.DeactivateAsync(damaged);
        await File.WriteAllTextAsync(hub.RecordPath("model", "model", damagedId.ToString()), "{\"Description\":", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DamagedStateException>(damaged.Get);
        var updated = await healthy.Update(new ModelUpdate("still fine", null, null, null, null), "tester");

        Assert.Equal("still fine", updated.Description);
    }
}
