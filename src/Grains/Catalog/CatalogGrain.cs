using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelGrid.Auth;
using ModelGrid.Grains.Models;
using ModelGrid.Hub;
using ModelGrid.Storage;
using ModelGrid.Storage.GrainStorage;
using Orleans.Storage;

namespace ModelGrid.Grains.Catalog;

/// <summary>
/// The searchable list of all models, one entry per model, updated by the model grains. It holds one small
/// record per model in memory; at hundreds of thousands of models it would be split by owner.
/// </summary>
/// <remarks>
/// The catalogue only repeats what the model records hold, so it never fails for a damaged record of its own: it moves
/// that record to quarantine and rebuilds itself from the model records, as it does when its record is missing. It
/// reads those records from storage rather than calling the model grains, which call it (a call back could deadlock).
/// It reads its own state through the storage provider rather than <c>[PersistentState]</c> because Orleans would fail
/// the activation on a damaged record before the grain could repair it.
/// </remarks>
[GrainType("catalog")]
public sealed partial class CatalogGrain(GrainStateRecords records, ILogger<CatalogGrain> logger) : Grain, ICatalogGrain
{
    private const string StateName = "catalog";
    private readonly GrainState<Dictionary<string, CatalogEntry>> _state = new() { State = [] };
    private IGrainStorage? _storage;

    private Dictionary<string, CatalogEntry> Entries => _state.State!;

    private IGrainStorage Storage => _storage ??= ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStorage);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Storage.ReadStateAsync(StateName, this.GetGrainId(), _state);
        }
        catch (DamagedStateException e)
        {
            var moved = await records.QuarantineAsync(records.BlobName(StateName, this.GetGrainId()), cancellationToken);
            LogDamaged(logger, e.Message, moved ?? "nowhere (it changed or vanished meanwhile)");
            _state.State = [];
            _state.ETag = null;
            _state.RecordExists = false;
        }

        if (!_state.RecordExists)
        {
            await RebuildAsync(cancellationToken);
        }
    }

    async Task ICatalogGrain.Upsert(CatalogEntry entry)
    {
        Entries[entry.Id.ToString()] = entry;
        await WriteAsync();
    }

    Task<CatalogPage> ICatalogGrain.Search(CatalogQuery query, Principal caller)
    {
        var matches = Entries.Values
            .Where(e => caller.CanRead(e.Id.Owner, e.Visibility == ModelVisibility.Public))
            .Where(e => query.Owner is null || e.Id.Owner == query.Owner)
            .Where(e => query.Task is null || e.Task == query.Task)
            .Where(e => query.Tag is null || e.Tags.Contains(query.Tag))
            .Where(e => query.OpennessClass is null || e.OpennessClass == query.OpennessClass)
            .Where(e => string.IsNullOrWhiteSpace(query.Search) || Matches(e, query.Search.Trim()))
            .OrderBy(e => e.Id.ToString(), StringComparer.Ordinal)
            .ToList();
        var page = matches.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToList();
        return Task.FromResult(new CatalogPage(page, matches.Count));
    }

    /// <summary>Writes the state; on a conflict, as Orleans does for <c>[PersistentState]</c>, the next activation reads it afresh.</summary>
    private async Task WriteAsync()
    {
        try
        {
            await Storage.WriteStateAsync(StateName, this.GetGrainId(), _state);
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private static bool Matches(CatalogEntry entry, string text) =>
        entry.Id.ToString().Contains(text, StringComparison.OrdinalIgnoreCase)
        || (entry.Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || entry.Tags.Any(t => t.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>One entry per readable model record; a damaged one is left out (its model answers with the damage).</summary>
    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        var skipped = 0;
        await foreach (var key in records.ListKeysAsync(ModelGrain.StateName, ModelGrain.GrainTypeName, cancellationToken))
        {
            if (!ModelId.TryParse(key, out var id, out _))
            {
                continue;
            }

            var model = new GrainState<ModelState>();
            try
            {
                await Storage.ReadStateAsync(ModelGrain.StateName, GrainId.Create(ModelGrain.GrainTypeName, key), model);
            }
            catch (DamagedStateException e)
            {
                skipped++;
                LogSkipped(logger, e.Message);
                continue;
            }

            if (model.RecordExists)
            {
                entries[id.ToString()] = CatalogEntries.From(id, model.State!);
            }
        }

        _state.State = entries;
        await WriteAsync();
        LogRebuilt(logger, entries.Count, skipped);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "The model catalogue's {Problem}; moved it to {QuarantinedTo} and rebuilding the catalogue from the model records")]
    private static partial void LogDamaged(ILogger logger, string problem, string quarantinedTo);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "The rebuilt model catalogue leaves out a model whose {Problem}")]
    private static partial void LogSkipped(ILogger logger, string problem);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Rebuilt the model catalogue from the model records: {Count} models, {Skipped} damaged records left out")]
    private static partial void LogRebuilt(ILogger logger, int count, int skipped);
}
