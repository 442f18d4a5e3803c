namespace ModelGrid.Benchmarks.Hub;

/// <summary>All rounds of one server in one mode (1 or 4 concurrent streams).</summary>
public sealed record DownloadResult(string Server, int Streams, Samples Throughput, Samples CpuSecondsPerGib);
