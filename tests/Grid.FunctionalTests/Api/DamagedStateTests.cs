using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>
/// A state record damaged on disk under a running hub: only its own model fails, with a clear problem; listing,
/// creating and pushing other models go on; the catalogue repairs itself; the admin check reports and quarantines.
/// Its own hub, so the damage it does stays out of the other tests' way.
/// </summary>
public sealed class DamagedStateTests(GridAppFactory app) : IClassFixture<GridAppFactory>
{
    private const string CheckHint = "; an administrator can list and quarantine damaged records with 'grid admin check'";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DamagedModelRecord_FailsOnlyThatModel_OthersListCreateAndPush()
    {
        var owner = Owner();
        var token = await app.TokenAsync(owner, "read", "publish");
        var client = app.Client(token);
        var weights = HubTestModel.RandomFile("w.bin", 50_000);
        var damaged = await CreateWithVersionAsync(client, new ModelId(owner, "damaged"), weights);
        var healthy = await CreateWithVersionAsync(client, new ModelId(owner, "healthy"), HubTestModel.RandomFile("h.bin", 1_000));
        var record = await TruncateRecordAsync(damaged, 17);

        using var asOwner = await app.Http(token).GetAsync(new Uri($"/api/v1/models/{damaged}", UriKind.Relative), Ct);
        using var versions = await app.Http(token).GetAsync(new Uri($"/api/v1/models/{damaged}/versions", UriKind.Relative), Ct);
        using var anonymous = await app.Http().GetAsync(new Uri($"/api/v1/models/{damaged}", UriKind.Relative), Ct);
        var listed = await app.Client().ListModelsAsync(owner: owner, cancellationToken: Ct);
        var created = await client.CreateModelAsync(new CreateModelRequest(owner, "created-after"), Ct);
        var pushed = await new HubTestModelPublisher(client, healthy).PublishAsync(HubTestModel.RandomFile("h2.bin", 2_000));

        var detail = $"the stored state of model {damaged} cannot be read: state record '{record}' ends before its JSON is complete (truncated after 17 bytes){CheckHint}";
        Assert.Equal(detail, await ApiAssert.ProblemAsync(asOwner, HttpStatusCode.ServiceUnavailable, "Damaged state record"));
        Assert.Equal(detail, await ApiAssert.ProblemAsync(versions, HttpStatusCode.ServiceUnavailable, "Damaged state record"));
        Assert.Equal($"there is no model {damaged}", await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.NotFound, "Model not found"));
        Assert.Equal(["damaged", "healthy"], listed.Items.Select(m => m.Id.Name));
        Assert.Equal("created-after", created.Id.Name);
        Assert.Equal(2, pushed.Number);
    }

    [Fact]
    public async Task DamagedModelRecord_SameFilesPushedByAnotherOwner_AreUploadedNotRefused()
    {
        var owner = Owner();
        var client = app.Client(await app.TokenAsync(owner, "read", "publish"));
        var weights = HubTestModel.RandomFile("w.bin", 40_000);
        var damaged = await CreateWithVersionAsync(client, new ModelId(owner, "shared"), weights);
        await TruncateRecordAsync(damaged, 0);
        var other = Owner();
        var otherClient = app.Client(await app.TokenAsync(other, "read", "publish"));

        var copy = await CreateWithVersionAsync(otherClient, new ModelId(other, "copy"), weights);

        Assert.Equal(1, (await otherClient.GetModelAsync(copy, Ct)).LatestVersion);
    }

    [Fact]
    public async Task DamagedCatalogueRecord_ListAndCreateGoOn_FromARebuiltCatalogue()
    {
        var owner = Owner();
        var client = app.Client(await app.TokenAsync(owner, "read", "publish"));
        await client.CreateModelAsync(new CreateModelRequest(owner, "before", "listed before the damage"), Ct);
        var catalog = Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(catalog.GetGrainId(), Ct);
        await File.WriteAllBytesAsync(Path.Combine(app.DataPath, StateRecordNames.For("catalog", "catalog", ICatalogGrain.Key)), [0xFF, 0x00], Ct);

        var listed = await app.Client().ListModelsAsync(owner: owner, cancellationToken: Ct);
        var created = await client.CreateModelAsync(new CreateModelRequest(owner, "after"), Ct);
        var again = await app.Client().ListModelsAsync(search: "listed before", cancellationToken: Ct);

        Assert.Equal(["before"], listed.Items.Select(m => m.Id.Name));
        Assert.Equal("after", created.Id.Name);
        Assert.Equal([new ModelId(owner, "before")], again.Items.Select(m => m.Id));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(app.DataPath, "quarantine"), "all.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task StateCheck_ReportsTheDamaged_QuarantineMovesThem_AndTheModelCannotBeCreatedOverItsVersions()
    {
        var owner = Owner();
        var token = await app.TokenAsync(owner, "read", "publish");
        var damaged = await CreateWithVersionAsync(app.Client(token), new ModelId(owner, "checked"), HubTestModel.RandomFile("c.bin", 3_000));
        var record = await TruncateRecordAsync(damaged, 0);
        var admin = app.Client(GridAppFactory.AdminToken);
        using var notAdmin = await app.Http(token).GetAsync(new Uri("/api/v1/admin/state-check", UriKind.Relative), Ct);

        var report = await admin.CheckStateAsync(cancellationToken: Ct);
        var moved = await admin.CheckStateAsync(quarantine: true, Ct);
        var after = await admin.CheckStateAsync(cancellationToken: Ct);
        using var gone = await app.Http(token).GetAsync(new Uri($"/api/v1/models/{damaged}", UriKind.Relative), Ct);
        using var recreate = await app.Http(token).PostAsJsonAsync("/api/v1/models", new CreateModelRequest(owner, "checked"), ApiJson.Options, Ct);

        await ApiAssert.ProblemAsync(notAdmin, HttpStatusCode.Forbidden);
        Assert.Equal($"folder {Path.Combine(app.DataPath, "state")}", report.Store);
        Assert.Contains(new DamagedRecordView(record, 0, "is empty (0 bytes)", null), report.Damaged);
        var quarantined = Assert.Single(moved.Damaged, d => d.Record == record).QuarantinedTo;
        Assert.Matches(@"^quarantine/\d{8}T\d{6}Z(-\d+)?/model-model/" + System.Text.RegularExpressions.Regex.Escape(StateRecordNames.Escape(damaged.ToString())) + @"\.json$", quarantined);
        Assert.True(File.Exists(Path.Combine(app.DataPath, quarantined!)));
        Assert.DoesNotContain(after.Damaged, d => d.Record == record);
        Assert.Equal(report.Scanned - report.Damaged.Count, after.Scanned - after.Damaged.Count);
        await ApiAssert.ProblemAsync(gone, HttpStatusCode.NotFound, "Model not found");
        Assert.Contains("has stored versions but its model record is missing", await ApiAssert.ProblemAsync(recreate, HttpStatusCode.Conflict, "Model record missing"), StringComparison.Ordinal);
    }

    private IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    private static string Owner() => $"d{Guid.NewGuid():N}"[..14];

    private static async Task<ModelId> CreateWithVersionAsync(GridClient client, ModelId id, (ManifestFile File, byte[] Bytes) file)
    {
        await client.CreateModelAsync(new CreateModelRequest(id.Owner, id.Name), Ct);
        await new HubTestModelPublisher(client, id).PublishAsync(file);
        return id;
    }

    /// <summary>Cuts a model's record to its first <paramref name="length"/> bytes, as a crash mid-write on a file system without ordering would, and makes the model read it again.</summary>
    private async Task<string> TruncateRecordAsync(ModelId id, int length)
    {
        var model = Grains.GetGrain<IModelGrain>(id.ToString());
        await Grains.GetGrain<IManagementGrain>(0).DeactivateGrain(model.GetGrainId(), Ct);
        var record = StateRecordNames.For("model", "model", id.ToString());
        var path = Path.Combine(app.DataPath, record);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        await File.WriteAllBytesAsync(path, bytes[..length], Ct);
        return record;
    }

    /// <summary>Publishes a version of one file through the typed client.</summary>
    private sealed class HubTestModelPublisher(GridClient client, ModelId id)
    {
        public async Task<VersionDetails> PublishAsync((ManifestFile File, byte[] Bytes) file)
        {
            var draft = await client.CreateDraftAsync(id, new CreateDraftRequest([file.File]), Ct);
            if (!draft.Files.Single().Present)
            {
                await client.UploadFileAsync(id, draft.Number, file.File.Path, new MemoryStream(file.Bytes), file.Bytes.Length, file.File.Sha256, cancellationToken: Ct);
            }

            return await client.PublishAsync(id, draft.Number, Ct);
        }
    }
}
