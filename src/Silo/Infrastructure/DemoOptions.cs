namespace ModelGrid.Silo.Infrastructure;

/// <summary>Configuration section <c>Grid:Demo</c>: what the silo publishes at start on the embedded default.</summary>
public sealed class DemoOptions
{
    public const string Section = "Grid:Demo";

    /// <summary>Whether to publish the demo model (<c>demo/mnist@1</c>) at start. On by default.</summary>
    public bool Enabled { get; set; } = true;
}
