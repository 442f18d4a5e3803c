using System.Net;
using System.Net.Http.Json;
using ModelGrid.Api;
using ModelGrid.Client.Http;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class AliasesApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Aliases_SetMoveDelete_WithHistory()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("f", 5));
        await model.PublishAsync(HubTestModel.RandomFile("f", 5));

        await model.Client.SetAliasAsync(model.Id, "stable", 1, Ct);
        await model.Client.SetAliasAsync(model.Id, "stable", 2, Ct);
        var listed = await app.Client().ListAliasesAsync(model.Id, history: true, Ct);
        await model.Client.DeleteAliasAsync(model.Id, "stable", Ct);
        var after = await app.Client().ListAliasesAsync(model.Id, cancellationToken: Ct);

        Assert.Equal(["latest", "main", "stable"], listed.Aliases.Select(a => a.Alias));
        Assert.Equal(2, listed.Aliases.Single(a => a.Alias == "stable").Version);
        Assert.Equal([("latest", (int?)null, (int?)1), ("latest", 1, 2), ("stable", null, 1), ("stable", 1, 2)], listed.History!.Select(h => (h.Alias, h.From, h.To)));
        Assert.Contains(model.Id.Owner, listed.History![^1].By, StringComparison.Ordinal);
        Assert.Equal(["latest", "main"], after.Aliases.Select(a => a.Alias));
        Assert.Null(after.History);
    }

    [Fact]
    public async Task ReservedAlias_Is400_AndAnonymousSet401()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("f", 5));

        using var reserved = await app.Http(model.Token).PutAsJsonAsync($"{model.Path}/aliases/latest", new SetAliasRequest(1), ApiJson.Options, Ct);
        using var anonymous = await app.Http().PutAsJsonAsync($"{model.Path}/aliases/stable", new SetAliasRequest(1), ApiJson.Options, Ct);
        var unknown = await Assert.ThrowsAsync<GridApiException>(() => model.Client.DeleteAliasAsync(model.Id, "nope", Ct));

        Assert.Contains("reserved", await ApiAssert.ProblemAsync(reserved, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }
}
