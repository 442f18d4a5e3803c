namespace ModelGrid.Storage.Content;

/// <summary>Verified content: its digest, size and whether it was written or found.</summary>
public sealed record IngestResult(string Sha256, long Size, IngestOutcome Outcome);
