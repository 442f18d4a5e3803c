namespace ModelGrid.Benchmarks.Hub;

/// <summary>One upload: seconds from request to response, the silo's CPU seconds meanwhile, and the hub's outcome.</summary>
public sealed record UploadSample(double Seconds, double ServerCpuSeconds, string Outcome);
