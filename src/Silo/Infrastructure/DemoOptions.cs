namespace ModelGrid.Silo.Infrastructure;

/// <summary>Configuration section <c>Grid:Demo</c>: what the silo publishes at start on the embedded default.</summary>
public sealed class DemoOptions
{
    public const string Section = "Grid:Demo";

    /// <summary>Whether to publish the demo model (<c>demo/mnist@1</c>) at start. On by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>After publishing, run the evaluation demo: sample models, every suite, the comparisons printed.</summary>
    public bool Evaluations { get; set; } = true;

    /// <summary>Stop the silo once the demo has printed its report: exit status 0 when every job succeeded, 1 otherwise.</summary>
    public bool ExitAfter { get; set; }

    /// <summary>How long the demo waits for its jobs before it reports the ones still open as not succeeded.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
