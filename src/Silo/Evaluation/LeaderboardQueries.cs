using System.Collections.Concurrent;
using ModelGrid.Auth;
using ModelGrid.Evaluation.Kinds;
using ModelGrid.Evaluation.Leaderboards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Evaluation;

/// <summary>
/// A suite's leaderboard: every published version of every model the caller may read that has a result on the suite as
/// it now is (its current digest), its latest such result, ranked on the metric the suite's kind declares
/// (<see cref="ISuiteKind.Leaderboard"/>) by <see cref="LeaderboardRanking"/>.
/// </summary>
public sealed class LeaderboardQueries(IGrainFactory grains, SuiteCatalog suites, ContentAddressedStore store)
{
    private const int CatalogPage = 500;

    // Stored results never change (a result blob is written once), so a figure read from one is kept.
    private readonly ConcurrentDictionary<(string Blob, LeaderboardMetric Metric), MetricValue?> _figures = new();

    /// <summary>The leaderboard of suite <paramref name="suiteId"/>, optionally of results measured on one hardware class.</summary>
    /// <param name="caller">Who asks: private models of others are left out.</param>
    /// <param name="suiteId">The suite's id.</param>
    /// <param name="hardware">A hardware class (<c>cpu</c>, <c>gpu</c>), or null for every class.</param>
    /// <param name="cancellationToken">Cancels reading results.</param>
    public async Task<Leaderboard> GetAsync(Principal caller, string suiteId, string? hardware, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (hardware is not null && !HardwareClasses.IsKnown(hardware))
        {
            throw HubException.Invalid($"hardware is {HardwareClasses.Cpu} or {HardwareClasses.Gpu}, not '{hardware}'");
        }

        var suite = suites.Get(suiteId);
        var metric = SuiteKinds.Default.Get(suite.Spec.Kind).Leaderboard(suite.Spec)
            ?? throw HubException.Conflict("No leaderboard", $"suite {suite.Spec.Id} is of kind {suite.Spec.Kind}, whose results have no one direction to rank them in");
        var entries = new List<LeaderboardEntry>();
        await foreach (var model in ReadableModelsAsync(caller))
        {
            foreach (var version in await grains.GetGrain<IModelGrain>(model.ToString()).ListVersions())
            {
                if (version.Status != VersionStatus.Published)
                {
                    continue;
                }

                var records = await grains.GetGrain<IModelVersionGrain>(model.VersionKey(version.Number)).ListEvaluations();
                var record = records.LastOrDefault(r =>
                    r.SuiteId == suite.Spec.Id && r.SuiteDigest == suite.Digest && (hardware is null || r.HardwareClass == hardware));
                if (record is not null && await FigureAsync(record.ResultBlob, metric, cancellationToken) is { } figure)
                {
                    entries.Add(new LeaderboardEntry(null, false, model, version.Number, figure, record.HardwareClass, record.JobId, record.RecordedAt));
                }
            }
        }

        return new Leaderboard(
            suite.Spec.Id, suite.Spec.Version, suite.Digest, suite.Spec.Kind.ToString(), metric, hardware, LeaderboardRanking.TieRule,
            LeaderboardRanking.Rank(entries, metric.HigherIsBetter));
    }

    private async IAsyncEnumerable<ModelId> ReadableModelsAsync(Principal caller)
    {
        var catalog = grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
        for (var skip = 0; ; skip += CatalogPage)
        {
            var page = await catalog.Search(new CatalogQuery(null, null, null, null, skip, CatalogPage), caller);
            foreach (var entry in page.Items)
            {
                // The catalogue already leaves out what the caller may not see; the model's own record has the last word.
                if (await ModelAccess.CanReadAsync(grains, caller, entry.Id))
                {
                    yield return entry.Id;
                }
            }

            if (page.Items.Count == 0 || skip + page.Items.Count >= page.Total)
            {
                yield break;
            }
        }
    }

    private async Task<MetricValue?> FigureAsync(string blob, LeaderboardMetric metric, CancellationToken cancellationToken)
    {
        if (_figures.TryGetValue((blob, metric), out var known))
        {
            return known;
        }

        await using var reader = await store.Blobs.OpenReadAsync(blob, cancellationToken: cancellationToken);
        if (reader is null)
        {
            // A recorded result whose blob is gone is left off rather than failing the whole board.
            return null;
        }

        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, cancellationToken);
        var figure = metric.Find(EvaluationJson.Deserialize(buffer.ToArray()));
        _figures[(blob, metric)] = figure;
        return figure;
    }
}
