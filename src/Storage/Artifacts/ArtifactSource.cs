namespace ModelGrid.Storage.Artifacts;

/// <summary>Where an artifact comes from: a file of a public repository at a pinned commit.</summary>
public sealed record ArtifactSource(string Repository, string Commit, string Path)
{
    /// <summary>The download address under <paramref name="baseUrl"/> (GitHub's raw host by default).</summary>
    /// <param name="baseUrl">For example <c>https://raw.githubusercontent.com/</c>.</param>
    public Uri ToUrl(Uri baseUrl) =>
        new(baseUrl, $"{Repository}/{Commit}/{string.Join('/', Path.Split('/').Select(Uri.EscapeDataString))}");
}
