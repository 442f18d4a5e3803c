using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Models;

[Collection(HubClusterGroup.Name)]
public sealed class ModelGrainTests(HubCluster hub)
{
    [Fact]
    public async Task Create_Twice_IsAConflictAndKeepsTheFirst()
    {
        var (id, model) = await hub.NewModelAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => model.Create(new ModelCreate("other", null, null, null, ModelVisibility.Private), "someone"));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
        var details = await model.Get();
        Assert.Equal("a test model", details!.Description);
        Assert.Equal(id, details.Id);
    }

    [Theory]
    [InlineData("MIT OR", "license")]
    [InlineData("not a licence!", "license")]
    [InlineData("Image Classification", "task")]
    public async Task Create_InvalidMetadata_IsRejectedAndNothingIsStored(string value, string field)
    {
        var id = new ModelId("alice", $"bad-{Guid.NewGuid():N}"[..16]);
        var model = hub.Grains.GetGrain<IModelGrain>(id.ToString());
        var request = field == "license"
            ? new ModelCreate(null, null, value, null, ModelVisibility.Public)
            : new ModelCreate(null, value, null, null, ModelVisibility.Public);

        var error = await Assert.ThrowsAsync<HubException>(() => model.Create(request, "tester"));

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Null(await model.Get());
    }

    [Fact]
    public async Task Update_ChangesOnlyTheGivenFields()
    {
        var (_, model) = await hub.NewModelAsync();

        var updated = await model.Update(new ModelUpdate(null, null, "Apache-2.0 OR MIT", ["b", "a", "b"], ModelVisibility.Private), "tester");

        Assert.Equal("a test model", updated.Description);
        Assert.Equal("image-classification", updated.Task);
        Assert.Equal("Apache-2.0 OR MIT", updated.License);
        Assert.Equal(["a", "b"], updated.Tags);
        Assert.Equal(ModelVisibility.Private, updated.Visibility);
    }

    [Fact]
    public async Task CreateDraft_NumbersAreNeverReused()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("w.bin", "weights");

        var first = await model.CreateDraft(new DraftRequest([file], null), "tester");
        var second = await model.CreateDraft(new DraftRequest([file], null), "tester");
        var invalid = await Assert.ThrowsAsync<HubException>(() => model.CreateDraft(new DraftRequest([file with { Path = "../x" }], null), "tester"));
        var third = await model.CreateDraft(new DraftRequest([file], null), "tester");

        Assert.Equal([1, 2, 3], new[] { first.Number, second.Number, third.Number });
        Assert.Equal(HubErrorKind.Invalid, invalid.Kind);
        Assert.Equal([3, 2, 1], (await model.ListVersions()).Select(v => v.Number));
        Assert.All(await model.ListVersions(), v => Assert.Equal(VersionStatus.Draft, v.Status));
        _ = id;
    }

    [Fact]
    public async Task Publish_WithAFileNotYetUploaded_IsAConflictNamingIt()
    {
        var (id, model) = await hub.NewModelAsync();
        var present = await hub.StoreAsync("a.bin", "present");
        var missing = new ManifestFile("b.bin", 4, new string('0', 64));
        var draft = await model.CreateDraft(new DraftRequest([present, missing], null), "tester");
        await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(draft.Number)).MarkPresent(present);

        var error = await Assert.ThrowsAsync<HubException>(() => model.Publish(draft.Number, "tester"));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
        Assert.Contains("b.bin", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a.bin", error.Message, StringComparison.Ordinal);
        Assert.Null((await model.Get())!.LatestVersion);
    }

    [Fact]
    public async Task Publish_WritesTheCanonicalManifestAndMovesLatest()
    {
        var (id, model) = await hub.NewModelAsync();
        var files = new[] { await hub.StoreAsync("z/last.txt", "z"), await hub.StoreAsync("a.txt", "a") };

        var published = await hub.PublishAsync(id, files);

        var expected = VersionManifest.Create(files);
        Assert.Equal(VersionStatus.Published, published.Status);
        Assert.Equal(expected.RevisionId, published.RevisionId);
        await using var stored = await hub.Content.Blobs.OpenReadAsync(Storage.HubLayout.Manifest(id, published.Number), null, TestContext.Current.CancellationToken);
        using var bytes = new MemoryStream();
        await stored!.Content.CopyToAsync(bytes, TestContext.Current.CancellationToken);
        Assert.Equal(expected.CanonicalJson.ToArray(), bytes.ToArray());
        Assert.Equal(published.Number, (await model.Get())!.LatestVersion);
        Assert.Equal(published.Number, await model.Resolve(VersionRef.Latest));
    }

    [Fact]
    public async Task Publish_Again_IsIdempotent()
    {
        var (id, model) = await hub.NewModelAsync();
        var published = await hub.PublishAsync(id, await hub.StoreAsync("f", "f"));

        var again = await model.Publish(published.Number, "someone else");

        Assert.Equal(published.PublishedAt, again.PublishedAt);
        Assert.Equal(published.PublishedBy, again.PublishedBy);
    }

    [Fact]
    public async Task Withdraw_MovesLatestBackAndRecordsIt()
    {
        var (id, model) = await hub.NewModelAsync();
        var v1 = await hub.PublishAsync(id, await hub.StoreAsync("f", "one"));
        var v2 = await hub.PublishAsync(id, await hub.StoreAsync("f", "two"));

        var withdrawn = await model.Withdraw(v2.Number, "licence problem", "auditor");

        Assert.Equal(VersionStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("licence problem", withdrawn.WithdrawnReason);
        Assert.Equal(v1.Number, await model.Resolve(VersionRef.Latest));
        var latestMoves = (await model.GetAliasHistory("latest")).Select(h => (h.From, h.To)).ToList();
        Assert.Equal([(null, 1), (1, 2), (2, 1)], latestMoves);
        Assert.Equal("auditor", (await model.GetAliasHistory("latest"))[^1].By);
    }

    [Fact]
    public async Task Withdraw_WithoutReasonOrOfADraft_IsRejected()
    {
        var (id, model) = await hub.NewModelAsync();
        var published = await hub.PublishAsync(id, await hub.StoreAsync("f", "x"));
        var draft = await model.CreateDraft(new DraftRequest([await hub.StoreAsync("g", "y")], null), "tester");

        Assert.Equal(HubErrorKind.Invalid, (await Assert.ThrowsAsync<HubException>(() => model.Withdraw(published.Number, " ", "t"))).Kind);
        Assert.Equal(HubErrorKind.Conflict, (await Assert.ThrowsAsync<HubException>(() => model.Withdraw(draft.Number, "why", "t"))).Kind);
    }

    [Fact]
    public async Task Resolve_RevisionId_FindsTheNewestStandingVersionByFullOrShortId()
    {
        var (id, model) = await hub.NewModelAsync();
        var file = await hub.StoreAsync("same.bin", "same content");
        var v1 = await hub.PublishAsync(id, file);
        var v2 = await hub.PublishAsync(id, await hub.StoreAsync("other.bin", "other"));
        var v3 = await hub.PublishAsync(id, file);
        var revision = v1.RevisionId!;

        Assert.Equal(v3.Number, await model.Resolve(Ref(revision)));
        Assert.Equal(v3.Number, await model.Resolve(Ref(revision[..40])));

        await model.Withdraw(v3.Number, "bad", "t");
        Assert.Equal(v1.Number, await model.Resolve(Ref(revision)));

        await model.Withdraw(v1.Number, "bad too", "t");
        Assert.Equal(v3.Number, await model.Resolve(Ref(revision)));
        Assert.Equal(v2.Number, await model.Resolve(VersionRef.Latest));
    }

    [Fact]
    public async Task Resolve_Unknown_IsNotFound()
    {
        var (_, model) = await hub.NewModelAsync();

        foreach (var reference in new[] { "7", "latest", "stable", new string('a', 64) })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => model.Resolve(Ref(reference)));
            Assert.Equal(HubErrorKind.NotFound, error.Kind);
        }
    }

    private static VersionRef Ref(string text) =>
        VersionRef.TryParse(text, out var parsed, out var error) ? parsed : throw new ArgumentException(error);
}
