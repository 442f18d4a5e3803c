namespace ModelGrid.Silo.Hub;

/// <summary>What the hub keeps of a resumable upload (<c>uploads/{id}/session.json</c>).</summary>
public sealed record UploadSessionRecord(string Id, ModelId Model, int Version, string Path, long Size, string Sha256, DateTimeOffset CreatedAt, string CreatedBy);
