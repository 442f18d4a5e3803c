namespace ModelGrid.Bom;

/// <summary>An evaluation suite as the bill of materials describes its data.</summary>
/// <param name="Id">The suite's id.</param>
/// <param name="Version">The suite's version.</param>
/// <param name="Digest">The suite digest its results carry.</param>
/// <param name="Description">One line on what it measures.</param>
/// <param name="DataCard">The data card (Markdown with YAML front matter), or null.</param>
/// <param name="Inputs">The model inputs the suite feeds, as <c>name (kind)</c>; empty when generated.</param>
/// <param name="Outputs">The model outputs the suite reads, as <c>name (kind)</c>.</param>
/// <param name="Artifacts">The third-party files its data come from.</param>
public sealed record BomSuite(
    string Id,
    int Version,
    string Digest,
    string Description,
    string? DataCard,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<BomArtifact> Artifacts)
{
    /// <summary><c>id@version</c>.</summary>
    public string Name => $"{Id}@{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
