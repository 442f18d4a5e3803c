namespace ModelGrid.Grains.Evaluations;

/// <summary>A queue partition's index as of a compaction; the change log of <paramref name="Generation"/> continues it.</summary>
internal sealed record QueueSnapshot(long Generation, List<Guid> Queued, List<Guid> InFlight);
