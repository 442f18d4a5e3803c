using Microsoft.Extensions.Options;
using ModelGrid.Storage;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Reads every grain state record of the embedded store once at start and says which are damaged: one warning per
/// record and a summary, so an operator learns of a damaged record before a user meets it. On Azure the records
/// are shared by every silo of the cluster, so a silo does not scan them at start; <c>grid admin check</c> does.
/// </summary>
public sealed partial class StateCheckAtStart(GrainStateRecords records, IOptions<StorageOptions> storage, ILogger<StateCheckAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Value.Provider != StorageNames.FileSystemProvider)
        {
            LogSkipped(logger, records.Location);
            return;
        }

        StateCheckResult result;
        try
        {
            result = await records.CheckAsync(quarantine: false, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The check only reports; the silo serves whether or not it could run.
            LogFailed(logger, records.Location, e);
            return;
        }

        foreach (var damaged in result.Damaged)
        {
            LogDamaged(logger, damaged.Record, damaged.Problem);
        }

        if (result.Damaged.Count == 0)
        {
            LogClean(logger, result.Scanned, result.Store);
        }
        else
        {
            LogSummary(logger, result.Damaged.Count, result.Scanned, result.Store);
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "State record {Record} {Problem}")]
    private static partial void LogDamaged(ILogger logger, string record, string problem);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "State check at start: {Damaged} of {Scanned} state records in {Store} are damaged; their grains fail until the records are repaired or moved aside with 'grid admin check --quarantine'")]
    private static partial void LogSummary(ILogger logger, int damaged, int scanned, string store);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "State check at start: all {Scanned} state records in {Store} are readable")]
    private static partial void LogClean(ILogger logger, int scanned, string store);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "State check at start: skipped for the {Store}, which the cluster's silos share; run 'grid admin check'")]
    private static partial void LogSkipped(ILogger logger, string store);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "State check at start: could not read the records in {Store}")]
    private static partial void LogFailed(ILogger logger, string store, Exception exception);
}
