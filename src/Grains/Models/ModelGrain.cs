using System.Globalization;
using ModelGrid.Grains.Cards;
using ModelGrid.Grains.Catalog;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Models;

/// <summary>
/// A model repository (<c>owner/name</c>). It owns the version counter and each version's status line, decides
/// what <c>latest</c> means, keeps the aliases with their history, and orchestrates drafts, publishing and
/// withdrawal; the version grains hold the files and cards.
/// </summary>
[GrainType(GrainTypeName)]
public sealed class ModelGrain(
    [PersistentState(ModelGrain.StateName, StorageNames.GrainStorage)] IPersistentState<ModelState> state,
    TimeProvider time) : Grain, IModelGrain
{
    /// <summary>The grain type, part of the state record's name.</summary>
    public const string GrainTypeName = "model";

    /// <summary>The state name, part of the state record's name.</summary>
    public const string StateName = "model";

    private const string LatestAlias = "latest";

    // The shape of the catalogue entry this grain writes; a model whose entry was written in an older shape writes
    // it again when it activates, so listings of existing models gain the fields added since (version counts).
    private const int CatalogEntryVersion = 1;

    private ModelId Id => ModelId.Parse(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.CatalogEntryVersion != CatalogEntryVersion)
        {
            await PublishToCatalogAsync();
        }
    }

    async Task<ModelDetails> IModelGrain.Create(ModelCreate request, string actor)
    {
        if (state.RecordExists)
        {
            throw HubException.Conflict("Model exists", $"the model {Id} exists already");
        }

        // Numbers are never reused: a model created again over its stored versions would collide with them.
        if (await Version(1).Get() is not null)
        {
            throw HubException.Conflict(
                "Model record missing",
                $"{Id} has stored versions but its model record is missing (lost, or quarantined by 'grid admin check --quarantine'); restore the record instead of creating the model again");
        }

        var tags = NormalizeTags(request.Tags);
        ModelMetadataRules.Validate(request.Description, request.Task, request.License, tags);
        var now = time.GetUtcNow();
        var s = state.State;
        s.Description = request.Description;
        s.Task = request.Task;
        s.License = request.License;
        s.Tags = tags;
        s.Visibility = request.Visibility;
        s.CreatedAt = now;
        s.CreatedBy = actor;
        s.UpdatedAt = now;
        s.CatalogEntryVersion = CatalogEntryVersion;
        await state.WriteStateAsync();
        await PublishToCatalogAsync();
        return Details();
    }

    Task<ModelDetails?> IModelGrain.Get() => Task.FromResult(state.RecordExists ? Details() : null);

    async Task<ModelDetails> IModelGrain.Update(ModelUpdate update, string actor)
    {
        EnsureExists();
        var s = state.State;
        var tags = update.Tags is null ? null : NormalizeTags(update.Tags);
        ModelMetadataRules.Validate(update.Description, update.Task, update.License, tags);
        s.Description = update.Description ?? s.Description;
        s.Task = update.Task ?? s.Task;
        s.License = update.License ?? s.License;
        s.Tags = tags ?? s.Tags;
        s.Visibility = update.Visibility ?? s.Visibility;
        s.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        await PublishToCatalogAsync();
        return Details();
    }

    async Task<VersionDetails> IModelGrain.CreateDraft(DraftRequest request, string actor)
    {
        EnsureExists();
        try
        {
            VersionManifest.Create(request.Files);
        }
        catch (ArgumentException e)
        {
            throw HubException.Invalid(e.Message);
        }

        if (ManifestPaths.Check(request.Files.Select(f => f.Path)) is { } unportable)
        {
            throw HubException.Invalid(unportable);
        }

        if (request.Card is not null)
        {
            CardRules.Check(request.Card);
        }

        var s = state.State;
        var number = s.NextVersion++;
        s.Versions.Add(new VersionSummary(number, VersionStatus.Draft, null, time.GetUtcNow(), actor, null));
        await state.WriteStateAsync();
        return await Version(number).Initialize(request, actor);
    }

    async Task<VersionDetails> IModelGrain.Publish(int version, string actor)
    {
        var summary = FindVersion(version);
        if (summary.Status == VersionStatus.Withdrawn)
        {
            throw HubException.Conflict("Version withdrawn", $"{Id}@{version} was withdrawn; it cannot be published again");
        }

        var previousLatest = LatestStanding();
        var details = await Version(version).Publish(actor);
        Replace(new VersionSummary(version, details.Status, details.RevisionId, summary.CreatedAt, summary.CreatedBy, details.PublishedAt));
        RecordLatestMove(previousLatest, actor, $"published version {version}");
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        await PublishToCatalogAsync();
        return details;
    }

    async Task<VersionDetails> IModelGrain.Withdraw(int version, string reason, string actor)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw HubException.Invalid("a withdrawal needs a reason; it is shown to everyone who asks for the version's files");
        }

        if (reason.Length > 1000)
        {
            throw HubException.Invalid("the reason is longer than 1000 characters");
        }

        var summary = FindVersion(version);
        if (summary.Status == VersionStatus.Draft)
        {
            throw HubException.Conflict("Version is a draft", $"{Id}@{version} is a draft; only published versions can be withdrawn");
        }

        var previousLatest = LatestStanding();
        var details = await Version(version).Withdraw(reason, actor);
        Replace(summary with { Status = VersionStatus.Withdrawn });
        RecordLatestMove(previousLatest, actor, $"withdrew version {version}");
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        await PublishToCatalogAsync();
        return details;
    }

    async Task IModelGrain.DeleteDraft(int version, string actor)
    {
        var summary = FindVersion(version);
        if (summary.Status != VersionStatus.Draft)
        {
            throw HubException.Conflict(
                "Version is not a draft",
                $"{Id}@{version} is {summary.Status.ToString().ToLowerInvariant()}; published versions are never deleted — withdraw it instead");
        }

        // The version's record goes first: a crash in between leaves a draft line that a second delete removes.
        await Version(version).Discard();
        state.State.Versions.RemoveAll(v => v.Number == version);
        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<VersionSummary>> IModelGrain.ListVersions()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<VersionSummary>>([.. state.State.Versions.OrderByDescending(v => v.Number)]);
    }

    Task<IReadOnlyList<VersionSummary>> IModelGrain.ListDrafts(TimeSpan? olderThan)
    {
        EnsureExists();
        var openedBy = time.GetUtcNow() - (olderThan ?? TimeSpan.Zero);
        return Task.FromResult<IReadOnlyList<VersionSummary>>([.. state.State.Versions
            .Where(v => v.Status == VersionStatus.Draft && v.CreatedAt <= openedBy)
            .OrderByDescending(v => v.Number)]);
    }

    Task<int> IModelGrain.Resolve(VersionRef reference)
    {
        EnsureExists();
        var s = state.State;
        int? found = reference.Kind switch
        {
            VersionRefKind.Number => s.Versions.Any(v => v.Number == reference.Number) ? reference.Number : null,
            VersionRefKind.RevisionId => ResolveRevision(reference.Value),
            _ => reference.Value is "latest" or "main"
                ? LatestStanding()
                : s.Aliases.TryGetValue(reference.Value, out var target) ? target.Version : null,
        };

        return found is { } number
            ? Task.FromResult(number)
            : throw HubException.NotFound(
                reference.Kind == VersionRefKind.Alias ? "Alias not found" : "Version not found",
                $"{Id} has no {Describe(reference)}");
    }

    async Task<AliasEntry> IModelGrain.SetAlias(string alias, int version, string actor)
    {
        if (!Names.IsValidUserAlias(alias))
        {
            throw HubException.Invalid(Names.ReservedAliases.Contains(alias)
                ? $"'{alias}' is reserved: it always points at the newest standing version"
                : $"'{alias}' is not a valid alias: start with a letter, use a-z, 0-9, '-', '_', '.', at most 64 characters, and not 40 or 64 hex digits");
        }

        var summary = FindVersion(version);
        if (summary.Status != VersionStatus.Published)
        {
            throw HubException.Conflict("Version not published", $"{Id}@{version} is {summary.Status.ToString().ToLowerInvariant()}; aliases point at published versions only");
        }

        var s = state.State;
        var now = time.GetUtcNow();
        int? from = s.Aliases.TryGetValue(alias, out var previous) ? previous.Version : null;
        if (from == version)
        {
            return new AliasEntry(alias, version, false, previous!.UpdatedAt, previous.UpdatedBy);
        }

        s.Aliases[alias] = new AliasTarget(version, now, actor);
        s.AliasHistory.Add(new AliasChange(alias, from, version, actor, now, "set"));
        await state.WriteStateAsync();
        return new AliasEntry(alias, version, false, now, actor);
    }

    async Task IModelGrain.DeleteAlias(string alias, string actor)
    {
        EnsureExists();
        if (Names.ReservedAliases.Contains(alias))
        {
            throw HubException.Invalid($"'{alias}' is reserved and cannot be deleted");
        }

        var s = state.State;
        if (!s.Aliases.Remove(alias, out var previous))
        {
            throw HubException.NotFound("Alias not found", $"{Id} has no alias '{alias}'");
        }

        s.AliasHistory.Add(new AliasChange(alias, previous.Version, null, actor, time.GetUtcNow(), "deleted"));
        await state.WriteStateAsync();
    }

    Task<IReadOnlyList<AliasEntry>> IModelGrain.ListAliases()
    {
        EnsureExists();
        var s = state.State;
        var entries = new List<AliasEntry>();
        if (LatestStanding() is { } latest)
        {
            var moved = s.AliasHistory.LastOrDefault(h => h.Alias == LatestAlias);
            foreach (var reserved in Names.ReservedAliases)
            {
                entries.Add(new AliasEntry(reserved, latest, true, moved?.At ?? s.UpdatedAt, moved?.By ?? s.CreatedBy));
            }
        }

        entries.AddRange(s.Aliases
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new AliasEntry(a.Key, a.Value.Version, false, a.Value.UpdatedAt, a.Value.UpdatedBy)));
        return Task.FromResult<IReadOnlyList<AliasEntry>>(entries);
    }

    Task<IReadOnlyList<AliasChange>> IModelGrain.GetAliasHistory(string? alias)
    {
        EnsureExists();
        var history = state.State.AliasHistory;
        return Task.FromResult<IReadOnlyList<AliasChange>>(alias is null ? [.. history] : [.. history.Where(h => h.Alias == alias)]);
    }

    private static string Describe(VersionRef reference) => reference.Kind switch
    {
        VersionRefKind.Number => $"version {reference.Value}",
        VersionRefKind.RevisionId => $"version with revision {reference.Value}",
        _ => reference.Value is "latest" or "main" ? "published version" : $"alias '{reference.Value}'",
    };

    private static List<string> NormalizeTags(IReadOnlyList<string>? tags) =>
        tags is null ? [] : [.. tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private int? ResolveRevision(string revision)
    {
        var matches = state.State.Versions
            .Where(v => v.RevisionId is { } id && id.StartsWith(revision, StringComparison.Ordinal))
            .OrderByDescending(v => v.Number)
            .ToList();

        // The newest standing version with that revision; a withdrawn one only when none stands (its files answer 410).
        return (matches.FirstOrDefault(v => v.Status == VersionStatus.Published) ?? matches.FirstOrDefault())?.Number;
    }

    private int? LatestStanding() => state.State.LatestStanding();

    private void RecordLatestMove(int? previous, string actor, string reason)
    {
        var current = LatestStanding();
        if (previous != current)
        {
            state.State.AliasHistory.Add(new AliasChange(LatestAlias, previous, current, actor, time.GetUtcNow(), reason));
        }
    }

    private VersionSummary FindVersion(int version)
    {
        EnsureExists();
        return state.State.Versions.FirstOrDefault(v => v.Number == version)
            ?? throw HubException.NotFound("Version not found", $"{Id} has no version {version.ToString(CultureInfo.InvariantCulture)}");
    }

    private void Replace(VersionSummary summary)
    {
        var versions = state.State.Versions;
        versions[versions.FindIndex(v => v.Number == summary.Number)] = summary;
    }

    private IModelVersionGrain Version(int number) => GrainFactory.GetGrain<IModelVersionGrain>(Id.VersionKey(number));

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw HubException.NotFound("Model not found", $"there is no model {Id}");
        }
    }

    private ModelDetails Details()
    {
        var s = state.State;
        var drafts = s.Versions.Count(v => v.Status == VersionStatus.Draft);
        return new ModelDetails(Id, s.Description, s.Task, s.License, [.. s.Tags], s.Visibility, s.CreatedAt, s.CreatedBy, s.UpdatedAt, LatestStanding(), s.Versions.Count - drafts, drafts);
    }

    async Task IModelGrain.SetOpennessClass(int version, MofClass cls)
    {
        if (!state.RecordExists)
        {
            throw HubException.NotFound("Model not found", $"there is no model {Id}");
        }

        var classes = state.State.OpennessClasses ??= [];
        if (classes.TryGetValue(version, out var known) && known == cls)
        {
            return;
        }

        classes[version] = cls;
        await state.WriteStateAsync();
        await PublishToCatalogAsync();
    }

    // Drafts are left out of the catalogue, so opening or deleting one never rewrites it.
    private async Task PublishToCatalogAsync()
    {
        var s = state.State;
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Upsert(CatalogEntries.From(Id, s));
        if (s.CatalogEntryVersion != CatalogEntryVersion)
        {
            s.CatalogEntryVersion = CatalogEntryVersion;
            await state.WriteStateAsync();
        }
    }
}
