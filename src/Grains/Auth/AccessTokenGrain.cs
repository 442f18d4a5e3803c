using System.Security.Cryptography;
using System.Text;
using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Storage;

namespace ModelGrid.Grains.Auth;

/// <summary>One bearer token. It stores the SHA-256 of the secret and compares in constant time.</summary>
[GrainType("token")]
public sealed class AccessTokenGrain(
    [PersistentState("token", StorageNames.GrainStorage)] IPersistentState<TokenState> state,
    TimeProvider time) : Grain, IAccessTokenGrain
{
    async Task<TokenInfo> IAccessTokenGrain.Create(TokenGrant grant, string secretHash, string createdBy)
    {
        if (state.RecordExists)
        {
            throw HubException.Conflict("Token exists", "a token with this id exists");
        }

        if (!Names.IsSha256(secretHash))
        {
            throw HubException.Invalid("the secret hash must be a SHA-256 digest");
        }

        if (grant.Problem(time.GetUtcNow()) is { } problem)
        {
            throw HubException.Invalid(problem);
        }

        var info = new TokenInfo(this.GetPrimaryKeyString(), grant.Owner, grant.Scopes, grant.Description, time.GetUtcNow(), createdBy, grant.ExpiresAt, null, null);
        state.State.Info = info;
        state.State.SecretHash = secretHash;
        await state.WriteStateAsync();
        return info;
    }

    Task<TokenInfo?> IAccessTokenGrain.Get() => Task.FromResult(state.RecordExists ? state.State.Info : null);

    Task<Principal?> IAccessTokenGrain.Authenticate(string secretHash)
    {
        if (!state.RecordExists || state.State.Info is not { } info)
        {
            return Task.FromResult<Principal?>(null);
        }

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(state.State.SecretHash),
            Encoding.ASCII.GetBytes(secretHash));
        var valid = matches && info.RevokedAt is null && (info.ExpiresAt is not { } expiry || expiry > time.GetUtcNow());
        return Task.FromResult(valid ? new Principal(info.Id, info.Owner, info.Scopes) : null);
    }

    async Task<TokenInfo> IAccessTokenGrain.Revoke(string by)
    {
        if (!state.RecordExists || state.State.Info is not { } info)
        {
            throw HubException.NotFound("Token not found", $"there is no token {this.GetPrimaryKeyString()}");
        }

        if (info.RevokedAt is null)
        {
            state.State.Info = info with { RevokedAt = time.GetUtcNow(), RevokedBy = by };
            await state.WriteStateAsync();
        }

        return state.State.Info!;
    }
}
