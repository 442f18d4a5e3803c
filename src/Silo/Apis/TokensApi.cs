using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;

namespace ModelGrid.Silo.Apis;

/// <summary>Tokens and owners: admins create owners' tokens and revoke them; an owner lists and revokes its own.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Auth");
        tokens.MapPost("/", CreateToken).WithName(nameof(CreateToken))
            .Documented("Create a token", "An admin makes a token for an owner namespace (created if new) with scopes read, publish, evaluate or admin, and an optional expiry in the future. The secret is in this answer only; the hub keeps its SHA-256.")
            .RequestExample("""{"owner": "alice", "scopes": ["read", "publish"], "description": "laptop", "expiresAt": "2027-01-31T00:00:00Z"}""")
            .NeedsToken().Problems(400, 403);
        tokens.MapGet("/", ListTokens).WithName(nameof(ListTokens))
            .Documented("List tokens", "An owner's tokens (never their secrets): a token lists its own owner's; an admin any owner's, or all.")
            .NeedsToken().Problems(403);
        tokens.MapDelete("/{id}", RevokeToken).WithName(nameof(RevokeToken))
            .Documented("Revoke a token", "Revokes a token of the caller's namespace (or any, for an admin); it stops working at once.")
            .NeedsToken().Problems(404);
        api.MapGet("/owners", ListOwners).WithTags("Auth").WithName(nameof(ListOwners))
            .Documented("List owners", "Every owner namespace that has tokens (admin).")
            .NeedsToken().Problems(403);
        return api;
    }

    public static async Task<Created<TokenCreated>> CreateToken(CreateTokenRequest request, HttpContext context, TokenIssuer issuer)
    {
        var caller = context.Caller();
        caller.RequireAdmin();
        if (!Names.IsValidNamePart(request.Owner))
        {
            throw HubException.Invalid($"'{request.Owner}' is not a valid owner name");
        }

        if (!ScopeNames.TryParse(string.Join(',', request.Scopes ?? []), out var scopes, out var error))
        {
            throw HubException.Invalid(error);
        }

        if (request.Description is { Length: > 200 })
        {
            throw HubException.Invalid("the description is longer than 200 characters");
        }

        var (info, token) = await issuer.IssueAsync(new TokenGrant(request.Owner, scopes, request.Description, request.ExpiresAt), caller.DisplayName);
        return TypedResults.Created($"/api/v1/tokens/{info.Id}", new TokenCreated(token, TokenView.From(info)));
    }

    public static async Task<Ok<IReadOnlyList<TokenView>>> ListTokens(HttpContext context, IGrainFactory grains, string? owner = null)
    {
        var caller = context.Caller();
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized("listing tokens needs a token");
        }

        IReadOnlyList<string> owners;
        if (caller.IsAdmin)
        {
            owners = owner is not null ? [owner] : await grains.GetGrain<IOwnerDirectoryGrain>(IOwnerDirectoryGrain.Key).List();
        }
        else
        {
            if (owner is not null && owner != caller.Owner)
            {
                throw HubException.Forbidden($"the token belongs to {caller.Owner}; it may list only that owner's tokens");
            }

            owners = [caller.Owner!];
        }

        var views = new List<TokenView>();
        foreach (var name in owners)
        {
            var info = await grains.GetGrain<IOwnerGrain>(name).Get();
            foreach (var id in info?.TokenIds ?? [])
            {
                if (await grains.GetGrain<IAccessTokenGrain>(id).Get() is { } token)
                {
                    views.Add(TokenView.From(token));
                }
            }
        }

        return TypedResults.Ok<IReadOnlyList<TokenView>>(views);
    }

    public static async Task<Ok<TokenView>> RevokeToken(string id, HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        if (caller.IsAnonymous)
        {
            throw HubException.Unauthorized("revoking a token needs a token");
        }

        var grain = grains.GetGrain<IAccessTokenGrain>(id);
        var info = await grain.Get();
        if (info is null || (!caller.IsAdmin && !caller.CanPublish(info.Owner)))
        {
            throw HubException.NotFound("Token not found", $"there is no token {id}");
        }

        return TypedResults.Ok(TokenView.From(await grain.Revoke(caller.DisplayName)));
    }

    public static async Task<Ok<IReadOnlyList<string>>> ListOwners(HttpContext context, IGrainFactory grains)
    {
        context.Caller().RequireAdmin();
        return TypedResults.Ok(await grains.GetGrain<IOwnerDirectoryGrain>(IOwnerDirectoryGrain.Key).List());
    }
}
