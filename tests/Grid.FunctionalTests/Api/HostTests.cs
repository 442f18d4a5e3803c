using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Api;

[Collection(GridAppGroup.Name)]
public sealed class HostTests(GridAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_IsOkOnceReady()
    {
        using var response = await app.Http().GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var response = await app.Http().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/models", out _));
        Assert.True(paths.TryGetProperty("/api/v1/models/{owner}/{name}/versions/{reference}/files/{path}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/uploads/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/tokens", out _));
    }

    [Fact]
    public async Task UnknownRoute_IsAProblemDetails404()
    {
        using var response = await app.Http().GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/models/a%20b")]
    [InlineData("/api/v1/models/%D0%BC")]
    public async Task UnknownRoute_DetailNamesTheTargetAsSent(string target)
    {
        using var response = await app.Http().GetAsync(new Uri(target, UriKind.Relative), Ct);

        Assert.Equal(
            $"nothing is served at GET {target}; the API is under /api/v1 (see /docs or /openapi/v1.json)",
            await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "Not Found"));
    }

    [Theory]
    [InlineData("a%0Ab", "'a\\u000ab' is not a valid owner")]
    [InlineData("a%0D%0Ab", "'a\\u000d\\u000ab' is not a valid owner")]
    [InlineData("a%E2%80%AEb", "'a\\u202eb' is not a valid owner")]
    public async Task ProblemDetail_QuotingControlOrFormatCharacters_StaysOneVisibleLine(string owner, string expected)
    {
        using var response = await app.Http().GetAsync(new Uri($"/api/v1/models/{owner}/x", UriKind.Relative), Ct);

        Assert.StartsWith(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoModel_HoldsTheMnistArtifactAndTheProjectsCard()
    {
        var expected = await File.ReadAllBytesAsync(TestArtifacts.Get("mnist.onnx"), Ct);

        var bytes = await app.Http().GetByteArrayAsync(new Uri("/api/v1/models/demo/mnist/versions/latest/files/mnist.onnx", UriKind.Relative), Ct);
        var card = await app.Client().GetCardAsync(new ModelId("demo", "mnist"), "1", cancellationToken: Ct);

        Assert.Equal("2f06e72de813a8635c9bc0397ac447a601bdbfa7df4bebc278723b958831c9bf", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(expected, bytes);
        Assert.StartsWith("---\nlicense: MIT\n", card, StringComparison.Ordinal);
        Assert.Contains("Plus214_Output_0", card, StringComparison.Ordinal);
    }
}
