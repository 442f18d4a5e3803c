using ModelGrid.Auth;
using ModelGrid.Hub;

namespace ModelGrid.Grains.Tests.Auth;

[Collection(HubClusterGroup.Name)]
public sealed class AccessTokenGrainTests(HubCluster hub)
{
    private static readonly string Secret = new('5', 64);

    [Fact]
    public async Task Authenticate_RightHash_GivesThePrincipalAndWrongHashNothing()
    {
        var token = await NewTokenAsync(TokenScopes.Read | TokenScopes.Publish, null);

        var principal = await token.Authenticate(Secret);

        Assert.Equal(new Principal(token.GetPrimaryKeyString(), "alice", TokenScopes.Read | TokenScopes.Publish), principal);
        Assert.Null(await token.Authenticate(new string('6', 64)));
    }

    [Fact]
    public async Task Revoke_StopsAuthentication()
    {
        var token = await NewTokenAsync(TokenScopes.Read, null);

        var revoked = await token.Revoke("admin");

        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal("admin", revoked.RevokedBy);
        Assert.Null(await token.Authenticate(Secret));
    }

    [Fact]
    public async Task Authenticate_AfterExpiry_GivesNothing()
    {
        var token = await NewTokenAsync(TokenScopes.Read, hub.Time.GetUtcNow().AddHours(1));
        Assert.NotNull(await token.Authenticate(Secret));

        hub.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.Null(await token.Authenticate(Secret));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-86_400)]
    public async Task Create_ExpiryNotInTheFuture_IsInvalidAndStoresNothing(int secondsFromNow)
    {
        var token = hub.Grains.GetGrain<IAccessTokenGrain>(Guid.NewGuid().ToString("N")[..16]);
        var expires = hub.Time.GetUtcNow().AddSeconds(secondsFromNow);

        var error = await Assert.ThrowsAsync<HubException>(() => token.Create(new TokenGrant("alice", TokenScopes.Read, null, expires), Secret, "admin"));

        Assert.Equal(HubErrorKind.Invalid, error.Kind);
        Assert.Equal(
            $"expiresAt {expires.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} is not in the future (the hub's time is {hub.Time.GetUtcNow().UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); a token must expire after it is created",
            error.Message);
        Assert.Null(await token.Get());
    }

    [Fact]
    public async Task Create_SameIdTwice_IsAConflict()
    {
        var token = await NewTokenAsync(TokenScopes.Read, null);

        var error = await Assert.ThrowsAsync<HubException>(() => token.Create(new TokenGrant("bob", TokenScopes.Admin, null, null), Secret, "x"));

        Assert.Equal(HubErrorKind.Conflict, error.Kind);
        Assert.Equal("alice", (await token.Get())!.Owner);
    }

    private async Task<IAccessTokenGrain> NewTokenAsync(TokenScopes scopes, DateTimeOffset? expires)
    {
        var token = hub.Grains.GetGrain<IAccessTokenGrain>(Guid.NewGuid().ToString("N")[..16]);
        await token.Create(new TokenGrant("alice", scopes, "test", expires), Secret, "admin");
        return token;
    }
}
