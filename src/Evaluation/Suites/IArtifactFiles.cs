namespace ModelGrid.Evaluation.Suites;

/// <summary>
/// Where a suite's declared artifacts come from: the hub's resolver on a worker, a local cache for
/// <c>grid eval --local</c>. The seam between evaluation and storage.
/// </summary>
public interface IArtifactFiles
{
    /// <summary>The declaration of the artifact, or null when no artifact has that name.</summary>
    ArtifactRef? Describe(string name);

    /// <summary>A local file holding the artifact's verified bytes.</summary>
    Task<string> GetFileAsync(string name, CancellationToken cancellationToken = default);
}
