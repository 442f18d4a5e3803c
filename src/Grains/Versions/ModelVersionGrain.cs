using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelGrid.Grains.Cards;
using ModelGrid.Hub;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;

namespace ModelGrid.Grains.Versions;

/// <summary>
/// One version (<c>owner/name@N</c>). As a draft it records the declared files and which of them have verified
/// content in the store; publishing writes the canonical manifest and card r1 and freezes it for good. Grain
/// messages carry metadata only: file bytes go between HTTP and the blob store.
/// </summary>
[GrainType("version")]
public sealed partial class ModelVersionGrain(
    [PersistentState("version", StorageNames.GrainStorage)] IPersistentState<VersionState> state,
    ContentAddressedStore content,
    TimeProvider time) : Grain, IModelVersionGrain
{
    private (ModelId Model, int Number) Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var at = key.LastIndexOf('@');
            return (ModelId.Parse(key[..at]), int.Parse(key[(at + 1)..], CultureInfo.InvariantCulture));
        }
    }

    private string Label => this.GetPrimaryKeyString();

    async Task<VersionDetails> IModelVersionGrain.Initialize(DraftRequest request, string actor)
    {
        var s = state.State;
        if (state.RecordExists)
        {
            var same = s.Files.Select(f => f.ToManifestFile()).SequenceEqual(request.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
                && s.DraftCard == request.Card;
            return same ? Details() : throw HubException.Conflict("Version exists", $"{Label} was opened already");
        }

        if (ManifestPaths.Check(request.Files.Select(f => f.Path)) is { } unportable)
        {
            throw HubException.Invalid(unportable);
        }

        var manifest = VersionManifest.Create(request.Files);
        s.Status = VersionStatus.Draft;
        s.Files = [.. manifest.Files.Select(f => new DeclaredFile(f.Path, f.Size, f.Sha256, false))];
        s.DraftCard = request.Card;
        s.CreatedAt = time.GetUtcNow();
        s.CreatedBy = actor;
        await state.WriteStateAsync();
        return Details();
    }

    Task<VersionDetails?> IModelVersionGrain.Get() => Task.FromResult(state.RecordExists ? Details() : null);

    async Task<DeclaredFile> IModelVersionGrain.DeclareFile(ManifestFile file)
    {
        EnsureDraft();
        if ((file.Validate() ?? ManifestPaths.ValidatePortable(file.Path)) is { } error)
        {
            throw HubException.Invalid(error);
        }

        var existing = state.State.Files.FirstOrDefault(f => f.Path == file.Path);
        if (existing is not null)
        {
            return existing.ToManifestFile() == file
                ? existing
                : throw HubException.Conflict(
                    "File declared differently",
                    $"'{file.Path}' is declared in {Label} with size {existing.Size} and sha256 {existing.Sha256}, not size {file.Size} and sha256 {file.Sha256}; DELETE the file from the draft to declare it again");
        }

        // Files arrive one by one, so the draft as a whole is checked with each new path.
        if (ManifestPaths.FindConflict(state.State.Files.Select(f => f.Path), file.Path) is { } conflict)
        {
            throw HubException.Invalid(conflict);
        }

        var declared = new DeclaredFile(file.Path, file.Size, file.Sha256, false);
        state.State.Files.Add(declared);
        state.State.Files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        await state.WriteStateAsync();
        return declared;
    }

    async Task<DeclaredFile> IModelVersionGrain.RemoveFile(string path)
    {
        EnsureDraft();
        var files = state.State.Files;
        var index = files.FindIndex(f => f.Path == path);
        if (index < 0)
        {
            throw HubException.NotFound("File not declared", $"'{path}' is not declared in {Label}");
        }

        var removed = files[index];
        files.RemoveAt(index);
        await state.WriteStateAsync();
        if (removed.Present && !files.Any(f => f.Present && f.Sha256 == removed.Sha256))
        {
            await GrainFactory.GetGrain<IContentRefGrain>(removed.Sha256).Remove(new ContentReference(Key.Model, Key.Number));
        }

        return removed;
    }

    async Task IModelVersionGrain.Discard()
    {
        if (!state.RecordExists)
        {
            return;
        }

        EnsureDraft();
        var present = state.State.Files.Where(f => f.Present).Select(f => f.Sha256).Distinct(StringComparer.Ordinal).ToList();
        await state.ClearStateAsync();
        foreach (var sha256 in present)
        {
            await GrainFactory.GetGrain<IContentRefGrain>(sha256).Remove(new ContentReference(Key.Model, Key.Number));
        }
    }

    async Task<DeclaredFile> IModelVersionGrain.MarkPresent(ManifestFile file)
    {
        EnsureDraft();
        var files = state.State.Files;
        var index = files.FindIndex(f => f.Path == file.Path);
        if (index < 0)
        {
            throw HubException.NotFound("File not declared", $"'{file.Path}' is not declared in {Label}");
        }

        if (files[index].ToManifestFile() != file)
        {
            throw HubException.Conflict("File declared differently", $"'{file.Path}' is declared in {Label} with size {files[index].Size} and sha256 {files[index].Sha256}");
        }

        if (!files[index].Present)
        {
            files[index] = files[index] with { Present = true };
            await GrainFactory.GetGrain<IContentRefGrain>(file.Sha256).Add(new ContentReference(Key.Model, Key.Number));
            await state.WriteStateAsync();
        }

        return files[index];
    }

    async Task IModelVersionGrain.SetDraftCard(string card)
    {
        EnsureDraft();
        CardRules.Check(card);
        state.State.DraftCard = card;
        await state.WriteStateAsync();
    }

    async Task<VersionDetails> IModelVersionGrain.Publish(string actor)
    {
        EnsureExists();
        var s = state.State;
        if (s.Status != VersionStatus.Draft)
        {
            return s.Status == VersionStatus.Published
                ? Details()
                : throw HubException.Conflict("Version withdrawn", $"{Label} was withdrawn");
        }

        if (s.Files.Count == 0)
        {
            throw HubException.Conflict("Version is empty", $"{Label} declares no files; declare and upload at least one before publishing");
        }

        // A draft opened before these rules may break them; it is not published as it is.
        if (ManifestPaths.Check(s.Files.Select(f => f.Path)) is { } unportable)
        {
            throw HubException.Conflict("Files not portable", $"{Label} cannot be published: {unportable}; open a new draft without that path");
        }

        // The store is checked too, so a lost blob can never be published as present.
        var missing = new List<string>();
        foreach (var file in s.Files)
        {
            if (!file.Present || !await content.ExistsAsync(file.Sha256))
            {
                missing.Add(file.Path);
            }
        }

        if (missing.Count > 0)
        {
            throw HubException.Conflict(
                "Files missing",
                $"{Label} cannot be published: {missing.Count} declared file(s) have no verified content yet: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : string.Empty)}");
        }

        var (model, number) = Key;
        var manifest = VersionManifest.Create(s.Files.Select(f => f.ToManifestFile()));

        // State is the truth: blobs written by an attempt that died before the state write are simply replaced.
        await content.Blobs.PutAsync(HubLayout.Manifest(model, number), manifest.CanonicalJson, WriteCondition.None);
        var now = time.GetUtcNow();
        if (s.DraftCard is { } card)
        {
            s.Cards.Add(await WriteCardAsync(card, 1, actor, "publisher", now));
            s.DraftCard = null;
        }

        s.Status = VersionStatus.Published;
        s.RevisionId = manifest.RevisionId;
        s.PublishedAt = now;
        s.PublishedBy = actor;
        await state.WriteStateAsync();
        return Details();
    }

    async Task<VersionDetails> IModelVersionGrain.Withdraw(string reason, string actor)
    {
        EnsureExists();
        var s = state.State;
        switch (s.Status)
        {
            case VersionStatus.Draft:
                throw HubException.Conflict("Version is a draft", $"{Label} is a draft");
            case VersionStatus.Withdrawn:
                return Details();
        }

        s.Status = VersionStatus.Withdrawn;
        s.WithdrawnAt = time.GetUtcNow();
        s.WithdrawnBy = actor;
        s.WithdrawnReason = reason;
        await state.WriteStateAsync();
        return Details();
    }

    Task<IReadOnlyList<CardRevisionInfo>> IModelVersionGrain.ListCards()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<CardRevisionInfo>>([.. state.State.Cards]);
    }

    async Task<CardRevisionInfo> IModelVersionGrain.AddCardRevision(string card, string author, string source)
    {
        EnsureExists();
        if (state.State.Status == VersionStatus.Draft)
        {
            throw HubException.Conflict("Version is a draft", $"{Label} is a draft; set its card with the draft, it becomes r1 when published");
        }

        CardRules.Check(card);
        var revision = await WriteCardAsync(card, state.State.Cards.Count + 1, author, source, time.GetUtcNow());
        state.State.Cards.Add(revision);
        await state.WriteStateAsync();
        return revision;
    }

    async Task<CardRevisionInfo?> IModelVersionGrain.RecordEvaluation(EvaluationRecord record)
    {
        EnsureExists();
        var s = state.State;
        if (s.Status == VersionStatus.Draft)
        {
            throw HubException.Conflict("Version is a draft", $"{Label} is a draft; only published versions are evaluated");
        }

        var existing = s.Evaluations.FindIndex(e => e.JobId == record.JobId);
        if (existing >= 0 && s.Evaluations[existing].Attempt >= record.Attempt)
        {
            return null;
        }

        var evaluations = new List<EvaluationRecord>(s.Evaluations);
        if (existing >= 0)
        {
            evaluations[existing] = record;
        }
        else
        {
            evaluations.Add(record);
        }

        var card = await ComposeCardAsync(evaluations);
        var revision = await WriteCardAsync(card, s.Cards.Count + 1, record.Worker, "evaluation", time.GetUtcNow());
        s.Evaluations = evaluations;
        s.Cards.Add(revision);
        await state.WriteStateAsync();
        return revision;
    }

    Task<IReadOnlyList<EvaluationRecord>> IModelVersionGrain.ListEvaluations()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<EvaluationRecord>>([.. state.State.Evaluations]);
    }

    private async Task<string> PublisherCardAsync()
    {
        var latest = state.State.Cards.LastOrDefault(c => c.Source is not ("evaluation" or OpennessSource));
        if (latest is null)
        {
            return string.Empty;
        }

        var (model, number) = Key;
        await using var reader = await content.Blobs.OpenReadAsync(HubLayout.Card(model, number, latest.Revision))
            ?? throw HubException.Invalid($"card r{latest.Revision} of {Label} is missing from the store");
        using var text = new StreamReader(reader.Content, Encoding.UTF8);
        return await text.ReadToEndAsync();
    }

    private async Task<CardRevisionInfo> WriteCardAsync(string card, int revision, string author, string source, DateTimeOffset at)
    {
        var bytes = Encoding.UTF8.GetBytes(card);
        var (model, number) = Key;
        await content.Blobs.PutAsync(HubLayout.Card(model, number, revision), bytes, WriteCondition.None);
        return new CardRevisionInfo(revision, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, at, author, source);
    }

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw HubException.NotFound("Version not found", $"there is no version {Label}");
        }
    }

    private void EnsureDraft()
    {
        EnsureExists();
        if (state.State.Status != VersionStatus.Draft)
        {
            throw HubException.Conflict(
                "Version is immutable",
                $"{Label} is {state.State.Status.ToString().ToLowerInvariant()}; its files never change — open a new draft instead");
        }
    }

    private VersionDetails Details()
    {
        var s = state.State;
        var (model, number) = Key;
        return new VersionDetails(
            model, number, s.Status, s.RevisionId, [.. s.Files], s.CreatedAt, s.CreatedBy, s.PublishedAt, s.PublishedBy,
            s.WithdrawnAt, s.WithdrawnBy, s.WithdrawnReason, s.Cards.Count, s.DraftCard is not null);
    }
}
