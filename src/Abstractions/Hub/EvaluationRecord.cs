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
[GenerateSerializer, Immutable, Alias("grid.EvaluationRecord")]
public sealed record EvaluationRecord(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string SuiteId,
    [property: Id(3)] string SuiteDigest,
    [property: Id(4)] string HardwareClass,
    [property: Id(5)] string ResultBlob,
    [property: Id(6)] string? PredictionsBlob,
    [property: Id(7)] string Worker,
    [property: Id(8)] DateTimeOffset RecordedAt);
