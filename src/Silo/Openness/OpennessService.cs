using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Storage;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Openness;

/// <summary>
/// Sets and reads versions' openness records: checks the files a record tags against the manifest, computes the class
/// with MOT's licence lists, has the version store the record and show it on its card, and tells the model its class.
/// Callers check who may do this.
/// </summary>
public sealed class OpennessService(IGrainFactory grains, ContentAddressedStore content, OpennessLicenses licenses)
{
    /// <summary>Stores <paramref name="record"/> as the version's next openness revision.</summary>
    public async Task<OpennessView> SetAsync(ModelId id, VersionDetails version, OpennessRecord record, string actor, CancellationToken cancellationToken)
    {
        if (OpennessCheck.MissingFiles(record, Paths(version)) is { Count: > 0 } missing)
        {
            throw HubException.Invalid($"the record tags files that {id}@{version.Number} does not hold: {string.Join(", ", missing)}");
        }

        var catalog = await licenses.GetAsync(cancellationToken);
        var json = JsonSerializer.Serialize(record, ApiJson.Options);
        var grain = grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number));
        var existing = await grain.ListOpenness();
        var provisional = View(id, version, new OpennessRevision(existing.Count + 1, Sha256(json), json.Length, DateTimeOffset.MinValue, actor, MofClass.Unclassified), record, catalog);
        var revision = await grain.SetOpenness(json, provisional.Class, OpennessCard.Section(provisional), actor);
        await grains.GetGrain<IModelGrain>(id.ToString()).SetOpennessClass(version.Number, revision.Class);
        return View(id, version, revision, record, catalog);
    }

    /// <summary>The latest revision of the version's record, or null when none was set.</summary>
    public async Task<(OpennessRevision Revision, OpennessRecord Record)?> LatestAsync(ModelId id, int version, CancellationToken cancellationToken)
    {
        var revisions = await grains.GetGrain<IModelVersionGrain>(id.VersionKey(version)).ListOpenness();
        if (revisions.Count == 0)
        {
            return null;
        }

        var revision = revisions[^1];
        await using var reader = await content.Blobs.OpenReadAsync(HubLayout.Openness(id, version, revision.Revision), cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"openness record r{revision.Revision} of {id}@{version} is missing from storage");
        var record = await JsonSerializer.DeserializeAsync<OpennessRecord>(reader.Content, ApiJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"openness record r{revision.Revision} of {id}@{version} is empty");
        return (revision, record);
    }

    /// <summary>The record with what the hub checked and the class computed now.</summary>
    public async Task<OpennessView> ViewAsync(ModelId id, VersionDetails version, OpennessRevision revision, OpennessRecord record, CancellationToken cancellationToken) =>
        View(id, version, revision, record, await licenses.GetAsync(cancellationToken));

    /// <summary>The class and progress of a record, computed now.</summary>
    public async Task<MofEvaluation> EvaluateAsync(OpennessRecord record, CancellationToken cancellationToken) =>
        MofEvaluator.Evaluate(record, await licenses.GetAsync(cancellationToken));

    /// <summary>The revision id a record would get.</summary>
    public static string RevisionIdOf(OpennessRecord record) => Sha256(JsonSerializer.Serialize(record, ApiJson.Options));

    private static OpennessView View(ModelId id, VersionDetails version, OpennessRevision revision, OpennessRecord record, MofLicenseCatalog catalog)
    {
        var evaluation = MofEvaluator.Evaluate(record, catalog);
        var components = OpennessCheck.Components(record, catalog, Paths(version), version.CardRevisions > 0);
        return new OpennessView(
            id.ToString(), version.Number, revision.Revision, revision.Sha256, revision.CreatedAt, revision.Author, evaluation.Class, evaluation.Label,
            evaluation.Progress, evaluation.NextClass, evaluation.MissingForNextClass, components,
            [.. components.Where(c => c.Verification == ComponentVerification.Claimed).Select(c => c.Name)], evaluation, record);
    }

    private static HashSet<string> Paths(VersionDetails version) => [.. version.Files.Select(f => f.Path)];

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
