namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Generation speed at one batch size and thread count: time to first token, prefill and decode tokens per second
/// (every row's tokens), per-token decode latency percentiles and the managed bytes the decode loop allocated per token;
/// or why the configuration is not supported.
/// </summary>
public sealed record GenerationMeasurement
{
    public required int Threads { get; init; }

    public required int BatchSize { get; init; }

    public bool Supported { get; init; } = true;

    public string? NotSupportedReason { get; init; }

    public double TimeToFirstTokenMs { get; init; }

    public double PrefillTokensPerSecond { get; init; }

    public double DecodeTokensPerSecond { get; init; }

    public double DecodeP50Ms { get; init; }

    public double DecodeP90Ms { get; init; }

    public double DecodeP99Ms { get; init; }

    public double ManagedBytesPerToken { get; init; }
}
