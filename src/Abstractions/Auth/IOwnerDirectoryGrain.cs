namespace ModelGrid.Auth;

/// <summary>The list of all owner namespaces.</summary>
[Alias("grid.IOwnerDirectoryGrain")]
public interface IOwnerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string Key = "all";

    /// <summary>Adds an owner (idempotent).</summary>
    /// <param name="owner">The owner's name.</param>
    [Alias("Add")] Task Add(string owner);

    /// <summary>All owners, sorted.</summary>
    [Alias("List")] Task<IReadOnlyList<string>> List();
}
