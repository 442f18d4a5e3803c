using ModelGrid.Hub;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// Publishes the demo's versions so that a start killed at any step leaves the next start to finish the version under
/// the number it took: the demo's own unfinished draft of the same files is resumed, never passed over for a new
/// number, and its drafts that no version needs any more are deleted, with a warning.
/// </summary>
public sealed partial class DemoVersions(IGrainFactory grains, ILogger<DemoVersions> logger)
{
    /// <summary>Who the demo's models and versions are created and published by.</summary>
    public const string Actor = "system (demo)";

    /// <summary>
    /// Publishes a version holding exactly <paramref name="request"/>'s files, whose content must be in the store:
    /// the demo's draft of these files when an interrupted start left one, else a new draft.
    /// </summary>
    /// <param name="id">The model, which exists.</param>
    /// <param name="request">The files and the card.</param>
    public async Task<VersionDetails> PublishAsync(ModelId id, DraftRequest request)
    {
        var model = grains.GetGrain<IModelGrain>(id.ToString());
        var wanted = request.Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        foreach (var summary in (await model.ListDrafts(null)).Where(v => v.CreatedBy == Actor).OrderBy(v => v.Number))
        {
            var version = grains.GetGrain<IModelVersionGrain>(id.VersionKey(summary.Number));

            // A start killed between taking the number and opening the draft left the number without a version record.
            var draft = await version.Get() ?? await version.Initialize(request, Actor);
            if (draft.Files.Select(f => f.ToManifestFile()).SequenceEqual(wanted))
            {
                LogResuming(logger, id, draft.Number);
                return await FinishAsync(model, version, draft);
            }
        }

        var created = await model.CreateDraft(request, Actor);
        return await FinishAsync(model, grains.GetGrain<IModelVersionGrain>(id.VersionKey(created.Number)), created);
    }

    /// <summary>Deletes the demo's drafts left in <paramref name="id"/>: after publishing, no demo version needs them.</summary>
    /// <param name="id">The model.</param>
    public async Task AbandonDraftsAsync(ModelId id)
    {
        var model = grains.GetGrain<IModelGrain>(id.ToString());
        foreach (var draft in (await model.ListDrafts(null)).Where(v => v.CreatedBy == Actor))
        {
            LogAbandoned(logger, id, draft.Number);
            await model.DeleteDraft(draft.Number, Actor);
        }
    }

    private static async Task<VersionDetails> FinishAsync(IModelGrain model, IModelVersionGrain version, VersionDetails draft)
    {
        // A version the start published before it died has every file present; publishing it again only records it.
        foreach (var file in draft.Files.Where(f => !f.Present))
        {
            await version.MarkPresent(file.ToManifestFile());
        }

        return await model.Publish(draft.Number, Actor);
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Demo: finishing {Model}@{Version}, a draft an interrupted start left")]
    private static partial void LogResuming(ILogger logger, ModelId model, int version);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Demo: deleting the draft {Model}@{Version} an interrupted start left; no demo version holds its files")]
    private static partial void LogAbandoned(ILogger logger, ModelId model, int version);
}
