namespace ModelGrid.Benchmarks.Hub;

/// <summary>One timed transfer: throughput in GB/s (10^9 bytes) and the server's CPU seconds per GiB moved.</summary>
public sealed record TransferSample(double GigabytesPerSecond, double CpuSecondsPerGib);
