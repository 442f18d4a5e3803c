namespace ModelGrid.Benchmarks.Hub;

/// <summary>Everything one <c>hub</c> run measured.</summary>
public sealed record HubReport(
    HubBenchOptions Options,
    MachineInfo Machine,
    DateTimeOffset Started,
    LoadShares Load,
    TimeSpan Duration,
    IReadOnlyList<DownloadResult> Downloads,
    IReadOnlyList<RangeCheckResult> Ranges,
    IReadOnlyDictionary<string, bool> FullBodyMatches,
    IngestResults Ingest,
    long SiloPeakResidentBytes)
{
    public const double DownloadGoal = 0.9;
    public const double CpuGoal = 3.0;
    public const double IngestGoal = 0.7;

    public bool ChecksPassed => Ranges.All(r => r.Passed) && FullBodyMatches.Values.All(ok => ok);

    /// <summary>Silo median ÷ nginx median of throughput, for 1 or 4 streams.</summary>
    public double ThroughputRatio(int streams) => Ratio(streams, r => r.Throughput.Median);

    /// <summary>Silo median ÷ nginx median of server CPU seconds per GiB.</summary>
    public double CpuRatio(int streams) => Ratio(streams, r => r.CpuSecondsPerGib.Median);

    /// <summary>openssl's median time ÷ the ingest's median time.</summary>
    public double IngestRatio => Ingest.OpensslSeconds.Median / Ingest.IngestSeconds.Median;

    private double Ratio(int streams, Func<DownloadResult, double> value) =>
        value(Downloads.Single(d => d.Streams == streams && d.Server == HubBenchmark.SiloName))
        / value(Downloads.Single(d => d.Streams == streams && d.Server == HubBenchmark.NginxName));
}
