namespace ModelGrid.Hub;

/// <summary>One move of an alias: who moved it, when, and from which version to which (null = unset).</summary>
public sealed record AliasChange(
    string Alias,
    int? From,
    int? To,
    string By,
    DateTimeOffset At,
    string Reason);
