namespace ModelGrid.Hub;

/// <summary>One revision of a version's model card; its text lives in blob storage.</summary>
[GenerateSerializer, Immutable, Alias("grid.CardRevisionInfo")]
public sealed record CardRevisionInfo(
    [property: Id(0)] int Revision,
    [property: Id(1)] string Sha256,
    [property: Id(2)] long Size,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Author,
    [property: Id(5)] string Source);
