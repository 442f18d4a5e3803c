namespace ModelGrid.Api;

/// <summary>
/// What <c>GET /api/v1/admin/state-check</c> found (or <c>POST /api/v1/admin/state-check/quarantine</c> found and
/// moved): every grain state record read and checked to be one complete JSON value.
/// </summary>
/// <param name="Store">Where the records are, e.g. "folder /srv/grid/.grid-data/state" or "Azure container grainstate".</param>
/// <param name="Scanned">How many records were read.</param>
/// <param name="Damaged">The unreadable ones, in name order.</param>
public sealed record StateCheckReport(string Store, int Scanned, IReadOnlyList<DamagedRecordView> Damaged);

/// <summary>An unreadable grain state record.</summary>
/// <param name="Record">Its name in the store, e.g. <c>state/model-model/alice%2Fx.json</c>.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Problem">What is wrong, completing "state record '…' …", e.g. "is empty (0 bytes)".</param>
/// <param name="QuarantinedTo">Where its bytes were moved, or null when it is still in place.</param>
public sealed record DamagedRecordView(string Record, long Length, string Problem, string? QuarantinedTo);
