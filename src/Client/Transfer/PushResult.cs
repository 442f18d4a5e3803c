namespace ModelGrid.Client.Transfer;

/// <summary>What a push did: the version (none when up to date), and how many bytes crossed the network.</summary>
/// <param name="Model">The model.</param>
/// <param name="Version">The published version, or the newest one when up to date.</param>
/// <param name="RevisionId">The folder's revision id.</param>
/// <param name="Status"><c>published</c> or <c>up-to-date</c>.</param>
/// <param name="Files">Files in the folder (the card excluded).</param>
/// <param name="FilesUploaded">Files whose bytes were sent.</param>
/// <param name="FilesSkipped">Files the hub already had for the caller.</param>
/// <param name="BytesUploaded">Content bytes sent in this run.</param>
/// <param name="BytesResumed">Bytes an earlier, interrupted run had sent already.</param>
/// <param name="Card">Whether README.md went up as card r1.</param>
public sealed record PushResult(ModelId Model, int? Version, string RevisionId, string Status, int Files, int FilesUploaded, int FilesSkipped, long BytesUploaded, long BytesResumed, bool Card);
