using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>Configuration section <c>Grid:Uploads</c>: limits of file uploads and resumable sessions.</summary>
public sealed class UploadOptions
{
    public const string Section = "Grid:Uploads";

    /// <summary>The largest file accepted (Kestrel's 30 MB body limit is lifted on upload routes only).</summary>
    [Range(1L, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L << 30;

    /// <summary>The largest chunk of a resumable upload, and the chunk size the CLI uses.</summary>
    [Range(1L, 4L << 30)]
    public long ChunkBytes { get; set; } = 64L << 20;

    /// <summary>How long an untouched upload session is kept before the sweeper removes it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The age from which a draft counts as stale: <c>GET …/versions?stale=true</c> and <c>grid version drafts --stale</c>
    /// list the drafts opened at least this long ago, for their owner to finish or delete. Nothing is deleted by itself.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan DraftStaleAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the sweeper looks for stale sessions.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
