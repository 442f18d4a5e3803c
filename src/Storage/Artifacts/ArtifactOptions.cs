using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Storage.Artifacts;

/// <summary>Configuration section <c>Grid:Artifacts</c>: where third-party artifacts come from (DESIGN.md §10).</summary>
public sealed class ArtifactOptions
{
    /// <summary>The section's path.</summary>
    public const string Section = "Grid:Artifacts";

    /// <summary>Folders searched by file name (a few levels deep) before downloading; every hit is verified.</summary>
    public IList<string> Mirrors { get; } = [];

    /// <summary>Never download: an artifact that is neither stored nor mirrored is a clear error.</summary>
    public bool Offline { get; set; }

    /// <summary>The base address pinned sources are downloaded from: <c>{base}{repository}/{commit}/{path}</c>.</summary>
    [Required]
    public Uri SourceBaseUrl { get; set; } = new("https://raw.githubusercontent.com/");

    /// <summary>How long one download may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
