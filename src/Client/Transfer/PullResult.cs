namespace ModelGrid.Client.Transfer;

/// <summary>What a pull did.</summary>
/// <param name="Model">The model.</param>
/// <param name="Version">The version pulled.</param>
/// <param name="RevisionId">Its revision id.</param>
/// <param name="Files">Each file and what happened to it.</param>
/// <param name="Card">Whether the latest card was written as README.md.</param>
public sealed record PullResult(ModelId Model, int Version, string RevisionId, IReadOnlyList<PulledFile> Files, bool Card)
{
    /// <summary>Bytes received in this run.</summary>
    public long BytesDownloaded => Files.Sum(f => f.BytesDownloaded);
}

/// <summary>One pulled file.</summary>
/// <param name="Path">Its path.</param>
/// <param name="Size">Its size.</param>
/// <param name="Sha256">Its verified digest.</param>
/// <param name="Outcome"><c>downloaded</c>, <c>resumed</c> or <c>up-to-date</c>.</param>
/// <param name="BytesDownloaded">Bytes received in this run.</param>
/// <param name="ResumedFrom">Bytes an earlier, interrupted pull had received.</param>
public sealed record PulledFile(string Path, long Size, string Sha256, string Outcome, long BytesDownloaded, long ResumedFrom);
