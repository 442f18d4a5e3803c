namespace ModelGrid.Hub;

/// <summary>A result the grid recorded for a version: which job and attempt, which suite, where the result is stored.</summary>
/// <param name="JobId">The evaluation job.</param>
/// <param name="Attempt">The attempt whose result this is.</param>
/// <param name="SuiteId">The suite's id.</param>
/// <param name="SuiteDigest">The suite digest.</param>
/// <param name="HardwareClass">Where it ran (<c>cpu</c> or <c>gpu</c>).</param>
/// <param name="ResultBlob">The stored report, <c>results/{jobId}/{attempt}.json</c>.</param>
/// <param name="PredictionsBlob">The stored per-row predictions, or null (throughput).</param>
/// <param name="Worker">The worker that ran it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record EvaluationRecord(
    Guid JobId,
    int Attempt,
    string SuiteId,
    string SuiteDigest,
    string HardwareClass,
    string ResultBlob,
    string? PredictionsBlob,
    string Worker,
    DateTimeOffset RecordedAt);
