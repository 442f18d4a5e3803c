namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// The persisted log of an <see cref="EvaluationJobGrain"/>: the newest lines within the configured bounds. It is a
/// state of its own so that lease changes never rewrite the log.
/// </summary>
[GenerateSerializer, Alias("grid.JobLogState")]
public sealed class JobLogState
{
    [Id(0)] public List<string> Lines { get; set; } = [];

    /// <summary>How many older lines were dropped to stay within the bounds.</summary>
    [Id(1)] public long Dropped { get; set; }

    /// <summary>The UTF-8 length of <see cref="Lines"/>.</summary>
    [Id(2)] public long Bytes { get; set; }
}
