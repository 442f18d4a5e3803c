using System.Net;
using System.Net.Http.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class TokensApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateToken_IsForAdminsOnly_AndTheSecretIsNotListed()
    {
        var owner = $"t{Guid.NewGuid():N}"[..12];
        var created = await app.Client(GridAppFactory.AdminToken).CreateTokenAsync(new CreateTokenRequest(owner, ["read", "publish"], "ci"), Ct);
        var who = await app.Client(created.Token).WhoAmIAsync(Ct);
        var listed = await app.Client(created.Token).ListTokensAsync(cancellationToken: Ct);

        var anonymous = await Assert.ThrowsAsync<GridApiException>(() => app.Client().CreateTokenAsync(new CreateTokenRequest(owner, ["admin"]), Ct));
        var notAdmin = await Assert.ThrowsAsync<GridApiException>(() => app.Client(created.Token).CreateTokenAsync(new CreateTokenRequest(owner, ["admin"]), Ct));

        Assert.StartsWith($"mgt_{created.Info.Id}_", created.Token, StringComparison.Ordinal);
        Assert.Equal(owner, who.Owner);
        Assert.Equal(["read", "publish"], who.Scopes);
        Assert.Equal([created.Info.Id], listed.Select(t => t.Id));
        Assert.DoesNotContain(created.Token[$"mgt_{created.Info.Id}_".Length..], System.Text.Json.JsonSerializer.Serialize(listed, ApiJson.Options), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.Status);
    }

    [Fact]
    public async Task RevokedToken_StopsWorkingAtOnce()
    {
        var owner = $"t{Guid.NewGuid():N}"[..12];
        var token = await app.TokenAsync(owner, "read", "publish");
        var id = (await app.Client(token).ListTokensAsync(cancellationToken: Ct)).Single().Id;

        await app.Client(GridAppFactory.AdminToken).RevokeTokenAsync(id, Ct);
        var error = await Assert.ThrowsAsync<GridApiException>(() => app.Client(token).WhoAmIAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.NotNull((await app.Client(GridAppFactory.AdminToken).ListTokensAsync(owner, Ct)).Single().RevokedAt);
    }

    [Theory]
    [InlineData("Bad Owner", "read")]
    [InlineData("alice", "write")]
    public async Task CreateToken_InvalidOwnerOrScope_Is400(string owner, string scope)
    {
        var error = await Assert.ThrowsAsync<GridApiException>(() => app.Client(GridAppFactory.AdminToken).CreateTokenAsync(new CreateTokenRequest(owner, [scope]), Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
    }

    [Fact]
    public async Task CreateToken_ExpiryInThePast_Is400AndCreatesNoOwner()
    {
        var owner = $"t{Guid.NewGuid():N}"[..12];
        using var http = app.Http(GridAppFactory.AdminToken);

        using var response = await http.PostAsJsonAsync(
            "/api/v1/tokens", new CreateTokenRequest(owner, ["read"], ExpiresAt: new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero)), ApiJson.Options, Ct);

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "Invalid request");
        Assert.StartsWith("expiresAt 2001-02-03T04:05:06Z is not in the future (the hub's time is ", detail, StringComparison.Ordinal);
        Assert.EndsWith("); a token must expire after it is created", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(owner, await http.GetFromJsonAsync<string[]>("/api/v1/owners", ApiJson.Options, Ct) ?? []);
    }

    [Fact]
    public async Task MalformedAuthorizationHeader_Is401()
    {
        using var http = app.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/whoami");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await http.SendAsync(request, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
