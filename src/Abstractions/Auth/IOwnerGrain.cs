namespace ModelGrid.Auth;

/// <summary>An owner namespace, keyed by its name, with the ids of its tokens.</summary>
[Alias("grid.IOwnerGrain")]
public interface IOwnerGrain : IGrainWithStringKey
{
    /// <summary>Creates the owner if it does not exist and returns it.</summary>
    /// <param name="by">Who creates it.</param>
    [Alias("Ensure")] Task<OwnerInfo> Ensure(string by);

    /// <summary>The owner, or null.</summary>
    [Alias("Get")] Task<OwnerInfo?> Get();

    /// <summary>Records a token of this owner.</summary>
    /// <param name="tokenId">The token's id.</param>
    [Alias("AddToken")] Task AddToken(string tokenId);
}
