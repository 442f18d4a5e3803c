namespace ModelGrid.Hub;

/// <summary>One revision of a version's model card; its text lives in blob storage.</summary>
public sealed record CardRevisionInfo(
    int Revision,
    string Sha256,
    long Size,
    DateTimeOffset CreatedAt,
    string Author,
    string Source);
