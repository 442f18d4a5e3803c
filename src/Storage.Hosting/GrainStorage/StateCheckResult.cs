namespace ModelGrid.Storage.GrainStorage;

/// <summary>What a check of every state record found.</summary>
/// <param name="Store">Where the records are, e.g. "folder /srv/grid/state".</param>
/// <param name="Scanned">How many records were read.</param>
/// <param name="Damaged">The unreadable ones, in name order.</param>
public sealed record StateCheckResult(string Store, int Scanned, IReadOnlyList<DamagedStateRecord> Damaged);
