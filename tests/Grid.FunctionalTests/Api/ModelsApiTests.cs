using System.Net;
using System.Net.Http.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class ModelsApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateModel_WithPublishToken_Returns201AndTheModel()
    {
        var owner = Owner();
        var client = app.Client(await app.TokenAsync(owner, "read", "publish"));
        using var http = app.Http(await app.TokenAsync(owner, "publish"));

        using var response = await http.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(owner, "resnet", "a resnet", "image-classification", "Apache-2.0", ["vision"]), ApiJson.Options, Ct);
        var model = await client.GetModelAsync(new ModelId(owner, "resnet"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/models/{owner}/resnet", response.Headers.Location?.ToString());
        Assert.Equal("a resnet", model.Description);
        Assert.Equal("Apache-2.0", model.License);
        Assert.Equal(ModelVisibility.Public, model.Visibility);
        Assert.Null(model.LatestVersion);
    }

    [Fact]
    public async Task CreateModel_Anonymous_Is401()
    {
        using var http = app.Http();
        using var response = await http.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Owner(), "x"), ApiJson.Options, Ct);

        Assert.Contains("publish scope", await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateModel_InAnotherNamespace_Is403AndReadOnlyTokenToo()
    {
        var owner = Owner();
        using var other = app.Http(await app.TokenAsync(owner, "read", "publish"));
        using var readOnly = app.Http(await app.TokenAsync(owner, "read"));

        using var elsewhere = await other.PostAsJsonAsync("/api/v1/models", new CreateModelRequest("someone-else", "x"), ApiJson.Options, Ct);
        using var noScope = await readOnly.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(owner, "x"), ApiJson.Options, Ct);

        Assert.Contains(owner, await ApiAssert.ProblemAsync(elsewhere, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        Assert.Contains("publish scope", await ApiAssert.ProblemAsync(noScope, HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alice", "model")]
    [InlineData("alice", "-model")]
    [InlineData("alice", "a..b")]
    [InlineData("alice", "")]
    [InlineData("al ice", "model")]
    public async Task CreateModel_InvalidOwnerOrName_Is400(string owner, string name)
    {
        using var http = app.Http(GridAppFactory.AdminToken);
        using var response = await http.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(owner, name), ApiJson.Options, Ct);

        Assert.Contains("not a valid", await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using var check = await http.GetAsync(new Uri("/api/v1/models?search=" + Uri.EscapeDataString(name.Length == 0 ? "zzz-none" : name), UriKind.Relative), Ct);
        var page = await check.Content.ReadFromJsonAsync<ModelPage>(ApiJson.Options, Ct);
        Assert.DoesNotContain(page!.Items, m => m.Id.Owner == owner && m.Id.Name == name);
    }

    [Theory]
    [InlineData("{\"license\":\"not a licence!\"}")]
    [InlineData("{\"task\":\"Image Classification\"}")]
    [InlineData("{\"visibility\":7}")]
    public async Task CreateModel_RefusedForANewOwner_RecordsNeitherModelNorOwner(string metadata)
    {
        var owner = Owner();
        using var http = app.Http(GridAppFactory.AdminToken);
        using var body = new StringContent($"{{\"owner\":\"{owner}\",\"name\":\"m\",{metadata[1..]}", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/api/v1/models", UriKind.Relative), body, Ct);
        var owners = await http.GetFromJsonAsync<string[]>("/api/v1/owners", ApiJson.Options, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(owner, owners!);
        Assert.Null(await app.Client(GridAppFactory.AdminToken).FindModelAsync(new ModelId(owner, "m"), Ct));
    }

    [Fact]
    public async Task GetModel_InvalidId_Is400AndUnknown404()
    {
        using var http = app.Http();
        using var invalid = await http.GetAsync(new Uri("/api/v1/models/BAD/x", UriKind.Relative), Ct);
        using var unknown = await http.GetAsync(new Uri("/api/v1/models/nobody/nothing", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Contains("there is no model nobody/nothing", await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateModel_IsInvisibleToAnyoneButItsOwnerAndAdmins()
    {
        var owner = Owner();
        var ownerToken = await app.TokenAsync(owner, "read", "publish");
        await app.Client(ownerToken).CreateModelAsync(new CreateModelRequest(owner, "secret", Visibility: ModelVisibility.Private), Ct);
        var id = new ModelId(owner, "secret");

        Assert.NotNull(await app.Client(ownerToken).FindModelAsync(id, Ct));
        Assert.NotNull(await app.Client(GridAppFactory.AdminToken).FindModelAsync(id, Ct));
        Assert.Null(await app.Client().FindModelAsync(id, Ct));
        Assert.Null(await app.Client(await app.TokenAsync(Owner(), "read", "publish")).FindModelAsync(id, Ct));
        Assert.DoesNotContain((await app.Client().ListModelsAsync(owner: owner, cancellationToken: Ct)).Items, m => m.Id == id);
        using var versions = await app.Http().GetAsync(new Uri($"/api/v1/models/{owner}/secret/versions", UriKind.Relative), Ct);
        await ApiAssert.ProblemAsync(versions, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListModels_SearchesAndPages()
    {
        var owner = Owner();
        var client = app.Client(await app.TokenAsync(owner, "publish"));
        foreach (var name in new[] { "alpha", "beta", "gamma" })
        {
            await client.CreateModelAsync(new CreateModelRequest(owner, name, $"the {name} model", Tags: [name == "beta" ? "special" : "plain"]), Ct);
        }

        var page1 = await app.Client().ListModelsAsync(owner: owner, page: 1, pageSize: 2, cancellationToken: Ct);
        var page2 = await app.Client().ListModelsAsync(owner: owner, page: 2, pageSize: 2, cancellationToken: Ct);
        var byTag = await app.Client().ListModelsAsync(search: "special", owner: owner, cancellationToken: Ct);

        Assert.Equal(3, page1.Total);
        Assert.Equal(["alpha", "beta"], page1.Items.Select(m => m.Id.Name));
        Assert.Equal(["gamma"], page2.Items.Select(m => m.Id.Name));
        Assert.Equal(["beta"], byTag.Items.Select(m => m.Id.Name));
        using var bad = await app.Http().GetAsync(new Uri("/api/v1/models?page=0", UriKind.Relative), Ct);
        await ApiAssert.ProblemAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UpdateModel_ChangesMetadata()
    {
        var owner = Owner();
        var client = app.Client(await app.TokenAsync(owner, "publish"));
        await client.CreateModelAsync(new CreateModelRequest(owner, "m"), Ct);

        var updated = await client.UpdateModelAsync(new ModelId(owner, "m"), new UpdateModelRequest(Description: "now described", License: "MIT"), Ct);
        var error = await Assert.ThrowsAsync<GridApiException>(() => client.UpdateModelAsync(new ModelId(owner, "m"), new UpdateModelRequest(License: "MIT OR"), Ct));

        Assert.Equal("now described", updated.Description);
        Assert.Equal("MIT", updated.License);
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
    }

    [Fact]
    public async Task WrongToken_Is401EvenOnAPublicRead()
    {
        using var http = app.Http("mgt_0123456789abcdef_not-the-secret");
        using var response = await http.GetAsync(new Uri("/api/v1/models/demo/mnist", UriKind.Relative), Ct);

        Assert.Contains("unknown, revoked or expired", await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    private static string Owner() => $"o{Guid.NewGuid():N}"[..14];
}
