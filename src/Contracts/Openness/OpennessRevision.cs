namespace ModelGrid.Openness;

/// <summary>One revision of a version's openness record; the record itself (JSON) lives in blob storage.</summary>
/// <param name="Revision">1, 2, … in the order they were set.</param>
/// <param name="Sha256">The SHA-256 of the stored record: the revision id, and the ETag of what is computed from it.</param>
/// <param name="Size">The stored record's size in bytes.</param>
/// <param name="CreatedAt">When it was set.</param>
/// <param name="Author">Who set it.</param>
/// <param name="Class">The class computed when it was set.</param>
public sealed record OpennessRevision(int Revision, string Sha256, long Size, DateTimeOffset CreatedAt, string Author, MofClass Class);
