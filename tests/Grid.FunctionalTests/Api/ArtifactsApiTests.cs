using System.Net;
using ModelGrid.Client.Http;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class ArtifactsApiTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAndFetch_ResolveFromTheMirrorsIntoTheStore()
    {
        var admin = app.Client(GridAppFactory.AdminToken);

        // adult-train.csv: an artifact no suite reads, so no other test of this collection has stored it first.
        var fetched = await admin.FetchArtifactAsync("adult-train.csv", Ct);
        var again = await admin.FetchArtifactAsync("adult-train.csv", Ct);
        var listed = await app.Client().ListArtifactsAsync(Ct);

        Assert.Equal("mirror", fetched.Provenance);
        Assert.Equal("store", again.Provenance);
        Assert.True(listed.Single(a => a.Name == "adult-train.csv").Stored);
        Assert.True(listed.Single(a => a.Name == "mnist.onnx").Stored);
        Assert.Equal("compas-scores-two-years.csv", listed.Single(a => a.Name == "compas-scores-two-years-nopii.csv").DerivedFrom);
    }

    [Fact]
    public async Task Import_VerifiesTheBytes()
    {
        var admin = app.Client(GridAppFactory.AdminToken);
        var real = await File.ReadAllBytesAsync(TestArtifacts.Get("t10k-labels-idx1-ubyte.gz"), Ct);
        var wrong = (byte[])real.Clone();
        wrong[10] ^= 1;

        var refused = await Assert.ThrowsAsync<GridApiException>(() => admin.ImportArtifactAsync("t10k-labels-idx1-ubyte.gz", new MemoryStream(wrong), wrong.Length, cancellationToken: Ct));
        var imported = await admin.ImportArtifactAsync("t10k-labels-idx1-ubyte.gz", new MemoryStream(real), real.Length, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("import", imported.Provenance);
    }

    [Fact]
    public async Task FetchAndImport_NeedAdmin_UnknownIs404()
    {
        var publisher = app.Client(await app.TokenAsync("someone", "read", "publish"));

        var forbidden = await Assert.ThrowsAsync<GridApiException>(() => publisher.FetchArtifactAsync("mnist.onnx", Ct));
        var unknown = await Assert.ThrowsAsync<GridApiException>(() => app.Client(GridAppFactory.AdminToken).FetchArtifactAsync("nothing.bin", Ct));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }
}
