using System.Globalization;
using System.Text;
using ModelGrid.Auth;
using ModelGrid.Bom;
using ModelGrid.Cards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Openness;
using ModelGrid.Storage;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Hub;

/// <summary>
/// Gathers what the hub records about a published version — manifest, latest card revision, recorded results, the
/// suites' data cards and declared artifacts — and builds its CycloneDX bill of materials (<see cref="CycloneDxBom"/>).
/// </summary>
public sealed class VersionBom(IGrainFactory grains, ContentAddressedStore store, SuiteCatalog suites, ArtifactResolver artifacts, OpennessService openness)
{
    /// <summary>Where the BOM says a declared artifact is published: the public pinned source, whatever mirror this hub uses.</summary>
    private static readonly Uri PublicSources = new ArtifactOptions().SourceBaseUrl;

    /// <summary>The BOM of the version <paramref name="reference"/> names, for a caller who may read the model.</summary>
    public async Task<byte[]> BuildAsync(Principal caller, string owner, string name, string reference, CancellationToken cancellationToken)
    {
        var (id, model) = await ModelAccess.ReadableAsync(grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(grains, caller, id, reference);
        if (version is not { RevisionId: { } revisionId, PublishedAt: { } publishedAt } || version.Status == VersionStatus.Draft)
        {
            throw HubException.Conflict("Version not published", $"{id}@{version.Number} is a draft; a bill of materials describes a published version");
        }

        var grain = grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number));
        var cards = await grain.ListCards();
        var card = cards.Count == 0 ? null : Encoding.UTF8.GetString(await ReadAsync(HubLayout.Card(id, version.Number, cards[^1].Revision), cancellationToken));
        var results = new List<RecordedResult>();
        foreach (var record in Latest(await grain.ListEvaluations()))
        {
            results.Add(new RecordedResult(record.JobId, record.Attempt, EvaluationJson.Deserialize(await ReadAsync(record.ResultBlob, cancellationToken))));
        }

        var input = new BomInput(
            id, version.Number, revisionId, publishedAt, [.. version.Files.Select(f => f.ToManifestFile())],
            model.Description, model.Task, model.License, card, cards.Count == 0 ? 0 : cards[^1].Revision,
            results, Suites(results), await ComponentLicencesAsync(id, version.Number, cancellationToken));
        return CycloneDxBom.Build(input);
    }

    /// <summary>
    /// The licence each component of the version's latest openness record resolves to (its own, else the release-wide
    /// one of its type, else the distribution licence), leaving out components without one.
    /// </summary>
    private async Task<IReadOnlyList<BomLicence>> ComponentLicencesAsync(ModelId id, int version, CancellationToken cancellationToken)
    {
        if (await openness.LatestAsync(id, version, cancellationToken) is not { Record: var record })
        {
            return [];
        }

        return
        [
            .. record.Components
                .Select(c => (c.Name, Licence: MofComponents.Find(c.Name) is { } component ? MofEvaluator.Resolve(component, c, record.Licenses) : c.License))
                .Where(c => c.Licence is { Length: > 0 } && c.Licence != OpennessRecord.Unlicensed)
                .Select(c => new BomLicence(c.Name, c.Licence!)),
        ];
    }

    /// <summary>The latest result of each suite digest and hardware class, in recording order: a repeat replaces an earlier run.</summary>
    private static IEnumerable<EvaluationRecord> Latest(IReadOnlyList<EvaluationRecord> records) =>
        records.Where((r, i) => !records.Skip(i + 1).Any(later => later.SuiteDigest == r.SuiteDigest && later.HardwareClass == r.HardwareClass));

    private List<BomSuite> Suites(IReadOnlyList<RecordedResult> results) =>
        [.. results.Select(r => r.Report)
            .DistinctBy(r => $"{r.Suite}@{r.SuiteVersion.ToString(CultureInfo.InvariantCulture)}", StringComparer.Ordinal)
            .Select(r => suites.All.FirstOrDefault(s => s.Spec.Id == r.Suite && s.Digest == r.SuiteDigest) is { } suite
                ? Describe(suite)
                : new BomSuite(r.Suite, r.SuiteVersion, r.SuiteDigest, "a suite this hub no longer offers in this form", null, [], [], []))];

    private BomSuite Describe(Suite suite) => new(
        suite.Spec.Id,
        suite.Spec.Version,
        suite.Digest,
        suite.Spec.Description,
        suite.DataCard,
        [.. suite.Spec.Inputs.Select(i => $"{i.Name} ({i.Kind.ToString().ToLowerInvariant()})")],
        suite.Spec.Output is { } output ? [$"{output.Name ?? "output"} ({output.Kind.ToString().ToLowerInvariant()})"] : [],
        [.. suite.Artifacts.Select(a => artifacts.Manifest.Find(a.Name)).OfType<ArtifactDescriptor>().Select(Describe)]);

    private static BomArtifact Describe(ArtifactDescriptor artifact) => new(
        artifact.Name,
        artifact.Size,
        artifact.Sha256,
        artifact.License,
        artifact.Description,
        artifact.Source?.ToUrl(PublicSources),
        artifact.DerivedFrom is { } origin
            ? new BomArtifactOrigin(
                origin.Name, origin.Size, origin.Sha256, origin.Source.ToUrl(PublicSources),
                $"{origin.Transform.Kind} {string.Join(", ", origin.Transform.Columns)}")
            : null,
        artifact.MirrorOnly);

    private async Task<byte[]> ReadAsync(string blob, CancellationToken cancellationToken)
    {
        await using var reader = await store.Blobs.OpenReadAsync(blob, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException($"{blob} is missing from storage");
        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
