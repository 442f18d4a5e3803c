namespace ModelGrid.Hub;

/// <summary>
/// One version of a model, keyed <c>owner/name@N</c>: a draft that accepts files, then an immutable manifest,
/// and the revisions of its model card.
/// </summary>
[Alias("grid.IModelVersionGrain")]
public interface IModelVersionGrain : IGrainWithStringKey
{
    /// <summary>Opens the draft (called by the model grain); repeating the same call is harmless.</summary>
    /// <param name="request">The declared files and card.</param>
    /// <param name="actor">Who opens it.</param>
    [Alias("Initialize")] Task<VersionDetails> Initialize(DraftRequest request, string actor);

    /// <summary>The version, or null when it was never opened.</summary>
    [Alias("Get")] Task<VersionDetails?> Get();

    /// <summary>Declares one more file of the draft, or confirms an identical declaration.</summary>
    /// <param name="file">Path, size and SHA-256.</param>
    [Alias("DeclareFile")] Task<DeclaredFile> DeclareFile(ManifestFile file);

    /// <summary>Removes a declared file from the draft, uploaded or not, so that it can be declared again.</summary>
    /// <param name="path">The file's path.</param>
    [Alias("RemoveFile")] Task<DeclaredFile> RemoveFile(string path);

    /// <summary>Deletes the draft's record (called by the model grain); a conflict once published. Idempotent.</summary>
    [Alias("Discard")] Task Discard();

    /// <summary>Records that verified content for a declared file is in the content-addressed store.</summary>
    /// <param name="file">The file as verified.</param>
    [Alias("MarkPresent")] Task<DeclaredFile> MarkPresent(ManifestFile file);

    /// <summary>Sets the card the draft will publish as revision r1.</summary>
    /// <param name="card">Markdown with YAML front matter.</param>
    [Alias("SetDraftCard")] Task SetDraftCard(string card);

    /// <summary>Freezes the draft (called by the model grain): writes the manifest and card r1. Idempotent.</summary>
    /// <param name="actor">Who publishes it.</param>
    [Alias("Publish")] Task<VersionDetails> Publish(string actor);

    /// <summary>Withdraws the version (called by the model grain). Idempotent.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="actor">Who.</param>
    [Alias("Withdraw")] Task<VersionDetails> Withdraw(string reason, string actor);

    /// <summary>The card revisions, oldest first.</summary>
    [Alias("ListCards")] Task<IReadOnlyList<CardRevisionInfo>> ListCards();

    /// <summary>Adds the next card revision of a published version.</summary>
    /// <param name="card">Markdown with YAML front matter.</param>
    /// <param name="author">Who wrote it.</param>
    /// <param name="source">Where it comes from: <c>publisher</c> or <c>evaluation</c>.</param>
    [Alias("AddCardRevision")] Task<CardRevisionInfo> AddCardRevision(string card, string author, string source);

    /// <summary>
    /// Records an evaluation result and writes the card revision that shows it. A job's result is recorded once: a
    /// repeated call is harmless (null), and a later attempt of the same job replaces an earlier one.
    /// </summary>
    /// <param name="record">The result's job, attempt, suite and blobs.</param>
    [Alias("RecordEvaluation")] Task<CardRevisionInfo?> RecordEvaluation(EvaluationRecord record);

    /// <summary>The recorded results, in recording order.</summary>
    [Alias("ListEvaluations")] Task<IReadOnlyList<EvaluationRecord>> ListEvaluations();

    /// <summary>
    /// Stores the next revision of a published version's openness record and writes the card revision that shows it
    /// (the card as it stands, its openness section replaced by <paramref name="cardSection"/>).
    /// </summary>
    /// <param name="record">The record as the API stores it (JSON).</param>
    /// <param name="cls">The class computed from it.</param>
    /// <param name="cardSection">The card's openness section (Markdown).</param>
    /// <param name="author">Who sets it.</param>
    [Alias("SetOpenness")] Task<Openness.OpennessRevision> SetOpenness(string record, Openness.MofClass cls, string cardSection, string author);

    /// <summary>The openness record's revisions, oldest first (empty when none was set).</summary>
    [Alias("ListOpenness")] Task<IReadOnlyList<Openness.OpennessRevision>> ListOpenness();
}
