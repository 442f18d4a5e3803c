namespace ModelGrid.Storage.Artifacts;

/// <summary>How a derived artifact is made from its original; the only kind is <c>csv-drop-columns</c>.</summary>
public sealed record ArtifactTransform(string Kind, IReadOnlyList<string> Columns)
{
    /// <summary>The transform that drops CSV columns by header name (RFC 4180 in, minimal quoting and LF out).</summary>
    public const string CsvDropColumns = "csv-drop-columns";
}
