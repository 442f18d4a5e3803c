namespace ModelGrid.Benchmarks.Hub;

/// <summary>Upload ingest against the hashing limit, all rounds, with the context figures.</summary>
/// <param name="IngestSeconds">PUT of the file through the silo, request to response.</param>
/// <param name="OpensslSeconds"><c>openssl dgst -sha256</c> of the same file.</param>
/// <param name="DurableCopySeconds"><c>dd bs=1M conv=fsync</c> of the same file to a new file: what a durable write alone costs here.</param>
/// <param name="DirectCopySeconds"><c>dd bs=1M oflag=direct conv=fsync</c>: the same write bypassing the page cache.</param>
/// <param name="SiloCpuSecondsPerGib">The silo's CPU time per GiB ingested.</param>
/// <param name="Sha256sumSeconds">Debian's <c>sha256sum</c>, once, for context.</param>
public sealed record IngestResults(Samples IngestSeconds, Samples OpensslSeconds, Samples DurableCopySeconds, Samples DirectCopySeconds, Samples SiloCpuSecondsPerGib, double Sha256sumSeconds);
