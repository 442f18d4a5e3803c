using System.Net;
using System.Net.Http.Json;
using System.Text;
using ModelGrid.Api;
using ModelGrid.Client.Http;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class CardsApiTests(GridAppFactory app)
{
    private const string Card = "---\nlicense: MIT\ntags:\n  - test\n---\n# Model\n\nDescribed.\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DraftCard_IsPublishedAsR1_AndNewRevisionsFollow()
    {
        var model = await HubTestModel.CreateAsync(app);
        var file = HubTestModel.RandomFile("w.bin", 10);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([file.File], Card), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "w.bin", new MemoryStream(file.Bytes), 10, file.File.Sha256, cancellationToken: Ct);
        await model.Client.PublishAsync(model.Id, draft.Number, Ct);

        using var post = await app.Http(model.Token).PostAsync(new Uri($"{model.Path}/versions/1/cards", UriKind.Relative), new StringContent(Card + "\nUpdated.\n", Encoding.UTF8, "text/markdown"), Ct);
        var revisions = await model.Client.ListCardsAsync(model.Id, "latest", Ct);

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(Card, await app.Client().GetCardAsync(model.Id, "1", 1, Ct));
        Assert.Equal(Card + "\nUpdated.\n", await app.Client().GetCardAsync(model.Id, "latest", cancellationToken: Ct));
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        Assert.Equal(ApiAssert.Sha256(Encoding.UTF8.GetBytes(Card)), revisions[0].Sha256);
        Assert.Equal("publisher", revisions[1].Source);
    }

    [Fact]
    public async Task CardWithInvalidYaml_Is400AndNothingIsCreated()
    {
        var model = await HubTestModel.CreateAsync(app);
        using var http = app.Http(model.Token);
        var request = new CreateDraftRequest([HubTestModel.RandomFile("w.bin", 1).File], "---\nlicense: [MIT\ntags: x\n---\nbody\n");

        using var response = await http.PostAsJsonAsync($"{model.Path}/versions", request, ApiJson.Options, Ct);

        Assert.Contains("YAML front matter is invalid", await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(await model.Client.ListVersionsAsync(model.Id, Ct));
    }

    [Fact]
    public async Task UnknownCardRevision_Is404_AndAVersionWithoutCardToo()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 1));

        var none = await Assert.ThrowsAsync<GridApiException>(() => app.Client().GetCardAsync(model.Id, "1", cancellationToken: Ct));
        var r5 = await Assert.ThrowsAsync<GridApiException>(() => app.Client().GetCardAsync(model.Id, "1", 5, Ct));

        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal(HttpStatusCode.NotFound, r5.Status);
    }
}
