namespace ModelGrid.Hub;

/// <summary>
/// The versions that use one content digest, keyed by the hex SHA-256. It lets the hub answer "you need not upload
/// this" only to callers who may already read that content (DESIGN.md §9.2), never as an existence oracle.
/// </summary>
[Alias("grid.IContentRefGrain")]
public interface IContentRefGrain : IGrainWithStringKey
{
    /// <summary>Records a use of the digest.</summary>
    /// <param name="reference">The version file that uses it.</param>
    [Alias("Add")] Task Add(ContentReference reference);

    /// <summary>Forgets a use of the digest (a draft's file that was removed, or a deleted draft).</summary>
    /// <param name="reference">The version file that no longer uses it.</param>
    [Alias("Remove")] Task Remove(ContentReference reference);

    /// <summary>Every recorded use.</summary>
    [Alias("List")] Task<IReadOnlyList<ContentReference>> List();
}
