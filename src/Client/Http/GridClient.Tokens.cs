using ModelGrid.Api;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>Creates a token for an owner (admin only); the answer holds the secret, shown this once.</summary>
    /// <param name="request">Owner, scopes, note, expiry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TokenCreated> CreateTokenAsync(CreateTokenRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TokenCreated>(HttpMethod.Post, "api/v1/tokens", request, cancellationToken);

    /// <summary>Lists tokens: all (admin) or the caller's owner's.</summary>
    /// <param name="owner">Only this owner's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<TokenView>> ListTokensAsync(string? owner = null, CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<TokenView>>(owner is null ? "api/v1/tokens" : $"api/v1/tokens?owner={Uri.EscapeDataString(owner)}", cancellationToken);

    /// <summary>Revokes a token.</summary>
    /// <param name="id">The token's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TokenView> RevokeTokenAsync(string id, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TokenView>(HttpMethod.Delete, $"api/v1/tokens/{Uri.EscapeDataString(id)}", null, cancellationToken);
}
