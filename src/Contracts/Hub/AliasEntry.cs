namespace ModelGrid.Hub;

/// <summary>An alias and the version it points at; <see cref="Reserved"/> aliases follow the newest standing version.</summary>
public sealed record AliasEntry(
    string Alias,
    int Version,
    bool Reserved,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
