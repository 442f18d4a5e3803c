using ModelGrid.Auth;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Silo.Apis;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Silo.Web;

/// <summary>
/// What the model page shows, read through the API's access rules: the model (404 to whoever may not read it), its
/// versions (drafts only for its publishers), one version with its files, its latest card as safe HTML, the latest
/// verified result per suite and hardware class, the publisher's self-reported figures, aliases with their history and
/// the openness record's class.
/// </summary>
public sealed class ModelPageData
{
    /// <summary>The model.</summary>
    public required ModelDetails Model { get; init; }

    /// <summary>The versions the caller may see, newest first.</summary>
    public required IReadOnlyList<VersionSummary> Versions { get; init; }

    /// <summary>The version shown (the latest unless another was asked for); null for a model without versions.</summary>
    public VersionDetails? Version { get; init; }

    /// <summary>The card revision shown, or null.</summary>
    public CardRevisionInfo? CardRevision { get; init; }

    /// <summary>That revision's body as sanitised HTML, or null.</summary>
    public string? CardHtml { get; init; }

    /// <summary>The latest verified result per suite and hardware class.</summary>
    public IReadOnlyList<VerifiedResult> Verified { get; init; } = [];

    /// <summary>The publisher's own figures from card r1.</summary>
    public IReadOnlyList<SelfReportedResult> SelfReported { get; init; } = [];

    /// <summary>Every alias and the version it names.</summary>
    public IReadOnlyList<AliasEntry> Aliases { get; init; } = [];

    /// <summary>Every move of every alias, oldest first.</summary>
    public IReadOnlyList<AliasChange> AliasHistory { get; init; } = [];

    /// <summary>The version's latest openness record, or null.</summary>
    public OpennessRevision? Openness { get; init; }

    /// <summary>Loads the page for <paramref name="caller"/>; a model or version it may not see is a <see cref="HubException"/> (404).</summary>
    /// <param name="hub">The hub's services.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="owner">The model's owner.</param>
    /// <param name="name">The model's name.</param>
    /// <param name="reference">A version number, alias or revision id; null for the latest.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<ModelPageData> LoadAsync(HubServices hub, Principal caller, string owner, string name, string? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(caller);
        var (id, model) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var grain = hub.Grains.GetGrain<IModelGrain>(id.ToString());
        var maySeeDrafts = caller.CanPublish(id.Owner);
        IReadOnlyList<VersionSummary> versions = [.. (await grain.ListVersions()).Where(v => maySeeDrafts || v.Status != VersionStatus.Draft).OrderByDescending(v => v.Number)];
        var aliases = await grain.ListAliases();
        var history = await grain.GetAliasHistory(null);
        if (reference is null && model.LatestVersion is null)
        {
            return new ModelPageData { Model = model.For(maySeeDrafts), Versions = versions, Aliases = aliases, AliasHistory = history };
        }

        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference ?? "latest");
        var versionGrain = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number));
        var cards = await versionGrain.ListCards();
        var latestCard = cards.Count == 0 ? null : cards[^1];
        var cardHtml = latestCard is null ? null : Web.CardHtml.Render(await ReadTextAsync(hub, HubLayout.Card(id, version.Number, latestCard.Revision), cancellationToken));
        var selfReported = cards.Count == 0 ? [] : CardResults.SelfReported(await ReadTextAsync(hub, HubLayout.Card(id, version.Number, cards[0].Revision), cancellationToken));
        var opennessRevisions = await versionGrain.ListOpenness();
        var openness = opennessRevisions.Count == 0 ? null : opennessRevisions[^1];
        return new ModelPageData
        {
            Model = model.For(maySeeDrafts),
            Versions = versions,
            Version = version,
            CardRevision = latestCard,
            CardHtml = cardHtml,
            Verified = await VerifiedAsync(hub, versionGrain, cancellationToken),
            SelfReported = selfReported,
            Aliases = aliases,
            AliasHistory = history,
            Openness = openness,
        };
    }

    /// <summary>The latest recorded result of each suite and hardware class, newest first.</summary>
    private static async Task<IReadOnlyList<VerifiedResult>> VerifiedAsync(HubServices hub, IModelVersionGrain version, CancellationToken cancellationToken)
    {
        var latest = (await version.ListEvaluations())
            .GroupBy(r => (r.SuiteId, r.HardwareClass))
            .Select(g => g.MaxBy(r => r.RecordedAt)!)
            .OrderBy(r => r.SuiteId, StringComparer.Ordinal)
            .ThenBy(r => r.HardwareClass, StringComparer.Ordinal);
        var results = new List<VerifiedResult>();
        foreach (var record in latest)
        {
            var report = EvaluationJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(await ReadTextAsync(hub, record.ResultBlob, cancellationToken)));
            var metrics = SuiteKindPresentations.Default.Get(report.Kind).CardMetrics(report).Where(m => !double.IsNaN(m.Value.Value)).ToList();
            results.Add(new VerifiedResult(record, report, metrics));
        }

        return results;
    }

    /// <summary>A stored text blob (a card revision, a result).</summary>
    internal static async Task<string> ReadTextAsync(HubServices hub, string blob, CancellationToken cancellationToken)
    {
        await using var reader = await hub.Content.Blobs.OpenReadAsync(blob, cancellationToken: cancellationToken)
            ?? throw HubException.NotFound("Not found", $"the stored blob {blob} is missing");
        using var text = new StreamReader(reader.Content, System.Text.Encoding.UTF8);
        return await text.ReadToEndAsync(cancellationToken);
    }
}
