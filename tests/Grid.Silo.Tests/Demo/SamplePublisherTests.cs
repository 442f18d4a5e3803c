using System.Globalization;
using System.Security.Cryptography;
using ModelGrid.Hub;
using ModelGrid.Silo.Demo;
using ModelGrid.Testing;
using Orleans.Core.Internal;

namespace ModelGrid.Silo.Tests.Demo;

/// <summary>
/// A demo start killed at any step of publishing a sample version leaves the next start to finish that version under
/// the number it took, so the samples keep their numbers (v3 is @3) and the demo compares 1, 2, 3.
/// </summary>
[Collection(DemoClusterGroup.Name)]
public sealed class SamplePublisherTests(DemoCluster cluster)
{
    private const string Sample = "adult-income";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_AfterAStartKilledBetweenDraftAndPublish_FinishesTheDraftUnderItsNumber()
    {
        var id = NewModel();
        await cluster.Samples.PublishAsync(id, Sample, 2, Ct);
        var v3 = await SampleVersionAsync(3, store: true);
        await Model(id).CreateDraft(new DraftRequest([v3.File], v3.Card), DemoVersions.Actor);

        var versions = await cluster.Samples.PublishAsync(id, Sample, 3, Ct);

        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal(v3.File.Sha256, versions[2].Files.Single().Sha256);
        Assert.Equal([(3, VersionStatus.Published), (2, VersionStatus.Published), (1, VersionStatus.Published)], (await Model(id).ListVersions()).Select(v => (v.Number, v.Status)));
    }

    [Fact]
    public async Task PublishAsync_AfterAStartKilledBeforeTheContentWasStored_StoresItAndFinishesTheDraft()
    {
        var id = NewModel();
        await cluster.Samples.PublishAsync(id, Sample, 1, Ct);
        var v2 = await SampleVersionAsync(2, store: false);
        await Model(id).CreateDraft(new DraftRequest([v2.File], v2.Card), DemoVersions.Actor);

        var versions = await cluster.Samples.PublishAsync(id, Sample, 3, Ct);

        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal(3, (await Model(id).ListVersions()).Count);
    }

    [Fact]
    public async Task PublishAsync_AfterAStartKilledInsidePublish_RecordsTheVersionUnderItsNumber()
    {
        var id = NewModel();
        await cluster.Samples.PublishAsync(id, Sample, 2, Ct);
        var v3 = await SampleVersionAsync(3, store: true);
        var draft = await Model(id).CreateDraft(new DraftRequest([v3.File], v3.Card), DemoVersions.Actor);
        var version = cluster.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));
        await version.MarkPresent(v3.File);
        await version.Publish(DemoVersions.Actor);

        var versions = await cluster.Samples.PublishAsync(id, Sample, 3, Ct);

        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal([(3, VersionStatus.Published), (2, VersionStatus.Published), (1, VersionStatus.Published)], (await Model(id).ListVersions()).Select(v => (v.Number, v.Status)));
        Assert.Equal(3, await Model(id).Resolve(VersionRef.Latest));
    }

    [Fact]
    public async Task PublishAsync_AfterAStartKilledBeforeTheDraftWasOpened_OpensItUnderItsNumber()
    {
        var id = NewModel();
        await cluster.Samples.PublishAsync(id, Sample, 2, Ct);
        var v3 = await SampleVersionAsync(3, store: true);
        var draft = await Model(id).CreateDraft(new DraftRequest([v3.File], v3.Card), DemoVersions.Actor);

        // The model took number 3, then the silo died before the version's own record was written.
        var version = cluster.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number));
        await version.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        File.Delete(cluster.StateFile("version", "version", id.VersionKey(draft.Number)));
        Assert.Null(await version.Get());

        var versions = await cluster.Samples.PublishAsync(id, Sample, 3, Ct);

        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal(v3.File.Sha256, versions[2].Files.Single().Sha256);
        Assert.Equal(3, (await Model(id).ListVersions()).Count);
    }

    [Fact]
    public async Task PublishAsync_ADemoDraftNoVersionNeeds_IsDeleted()
    {
        var id = NewModel();
        await cluster.Samples.PublishAsync(id, Sample, 1, Ct);
        var stray = new ManifestFile("model.onnx", 3, new string('e', 64));
        await Model(id).CreateDraft(new DraftRequest([stray], null), DemoVersions.Actor);

        var versions = await cluster.Samples.PublishAsync(id, Sample, 2, Ct);

        Assert.Equal([1, 3], versions.Select(v => v.Number));
        Assert.Equal([(3, VersionStatus.Published), (1, VersionStatus.Published)], (await Model(id).ListVersions()).Select(v => (v.Number, v.Status)));
    }

    [Fact]
    public async Task PublishAsync_SomeoneElsesDraft_IsLeftAlone()
    {
        var id = NewModel();
        var v1 = await SampleVersionAsync(1, store: true);
        await Model(id).Create(new ModelCreate(null, null, null, null, ModelVisibility.Public), "demo (token1)");
        await Model(id).CreateDraft(new DraftRequest([v1.File], null), "demo (token1)");

        var versions = await cluster.Samples.PublishAsync(id, Sample, 1, Ct);

        Assert.Equal([2], versions.Select(v => v.Number));
        Assert.Equal([(2, VersionStatus.Published), (1, VersionStatus.Draft)], (await Model(id).ListVersions()).Select(v => (v.Number, v.Status)));
    }

    private static ModelId NewModel() => new($"d{Guid.NewGuid():N}"[..12], Sample);

    private IModelGrain Model(ModelId id) => cluster.Grains.GetGrain<IModelGrain>(id.ToString());

    private async Task<(ManifestFile File, string Card)> SampleVersionAsync(int n, bool store)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "models", Sample, $"v{n.ToString(CultureInfo.InvariantCulture)}");
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "model.onnx"), Ct);
        var file = new ManifestFile("model.onnx", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        if (store)
        {
            await cluster.Content.IngestAsync(new MemoryStream(bytes), bytes.Length, file.Sha256, Ct);
        }

        return (file, await File.ReadAllTextAsync(Path.Combine(folder, "README.md"), Ct));
    }
}
