namespace ModelGrid.Hub;

/// <summary>
/// A model repository, keyed <c>owner/name</c>: its metadata, the version counter (numbers are never reused),
/// the status line of each version, and its aliases with their history. It orchestrates the life of its versions.
/// </summary>
[Alias("grid.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Creates the model; a conflict when it exists.</summary>
    /// <param name="request">The metadata.</param>
    /// <param name="actor">Who creates it.</param>
    [Alias("Create")] Task<ModelDetails> Create(ModelCreate request, string actor);

    /// <summary>The model, or null when it does not exist.</summary>
    [Alias("Get")] Task<ModelDetails?> Get();

    /// <summary>Changes metadata; null fields stay as they are.</summary>
    /// <param name="update">The change.</param>
    /// <param name="actor">Who changes it.</param>
    [Alias("Update")] Task<ModelDetails> Update(ModelUpdate update, string actor);

    /// <summary>Allocates the next version number and opens a draft declaring <paramref name="request"/>'s files.</summary>
    /// <param name="request">The declared files and card.</param>
    /// <param name="actor">Who opens it.</param>
    [Alias("CreateDraft")] Task<VersionDetails> CreateDraft(DraftRequest request, string actor);

    /// <summary>Publishes a draft whose declared files are all present; moves <c>latest</c>. Idempotent.</summary>
    /// <param name="version">The draft's number.</param>
    /// <param name="actor">Who publishes it.</param>
    [Alias("Publish")] Task<VersionDetails> Publish(int version, string actor);

    /// <summary>Withdraws a published version with a reason; <c>latest</c> falls back to the newest version still standing.</summary>
    /// <param name="version">The version number.</param>
    /// <param name="reason">Why, shown to anyone who asks for its files.</param>
    /// <param name="actor">Who withdraws it.</param>
    [Alias("Withdraw")] Task<VersionDetails> Withdraw(int version, string reason, string actor);

    /// <summary>
    /// Deletes a draft: its declared files and card go, its number is never given out again. Published and withdrawn
    /// versions are never deleted (a conflict); withdrawing is how a published version is retired.
    /// </summary>
    /// <param name="version">The draft's number.</param>
    /// <param name="actor">Who deletes it.</param>
    [Alias("DeleteDraft")] Task DeleteDraft(int version, string actor);

    /// <summary>The status line of every version, newest first.</summary>
    [Alias("ListVersions")] Task<IReadOnlyList<VersionSummary>> ListVersions();

    /// <summary>The drafts, newest first; with <paramref name="olderThan"/>, only those opened at least that long ago.</summary>
    /// <param name="olderThan">The least age of a draft listed, or null for all.</param>
    [Alias("ListDrafts")] Task<IReadOnlyList<VersionSummary>> ListDrafts(TimeSpan? olderThan);

    /// <summary>The version number a reference names; not found when nothing matches.</summary>
    /// <param name="reference">A number, a revision id or an alias.</param>
    [Alias("Resolve")] Task<int> Resolve(VersionRef reference);

    /// <summary>Points a user alias at a published version and records the move.</summary>
    /// <param name="alias">The alias (not <c>latest</c> or <c>main</c>).</param>
    /// <param name="version">The version number.</param>
    /// <param name="actor">Who moves it.</param>
    [Alias("SetAlias")] Task<AliasEntry> SetAlias(string alias, int version, string actor);

    /// <summary>Removes a user alias and records it.</summary>
    /// <param name="alias">The alias.</param>
    /// <param name="actor">Who removes it.</param>
    [Alias("DeleteAlias")] Task DeleteAlias(string alias, string actor);

    /// <summary>Every alias with its target, <c>latest</c> and <c>main</c> included when a version stands.</summary>
    [Alias("ListAliases")] Task<IReadOnlyList<AliasEntry>> ListAliases();

    /// <summary>The moves of one alias, or of all when <paramref name="alias"/> is null, oldest first.</summary>
    /// <param name="alias">The alias, or null.</param>
    [Alias("GetAliasHistory")] Task<IReadOnlyList<AliasChange>> GetAliasHistory(string? alias);

    /// <summary>Records the class of a version's openness record, which the catalogue shows for the version <c>latest</c> names.</summary>
    /// <param name="version">The version.</param>
    /// <param name="cls">Its class.</param>
    [Alias("SetOpennessClass")] Task SetOpennessClass(int version, Openness.MofClass cls);
}
