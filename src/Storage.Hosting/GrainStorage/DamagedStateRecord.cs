namespace ModelGrid.Storage.GrainStorage;

/// <summary>A state record the check found unreadable, and where it went when it was quarantined.</summary>
/// <param name="Record">The record's name, as errors name it.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Problem">What is wrong, completing "state record '…' …".</param>
/// <param name="QuarantinedTo">Where its bytes were moved, as errors name records; null when it was left in place.</param>
public sealed record DamagedStateRecord(string Record, long Length, string Problem, string? QuarantinedTo);
