using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>The API describes itself: its OpenAPI document, the interactive reference and the links the pages' footer gives to them.</summary>
[Collection(GridAppGroup.Name)]
public sealed partial class ApiDocumentationTests(GridAppFactory app)
{
    private const string FilePath = "/api/v1/models/{owner}/{name}/versions/{reference}/files/{path}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApiDocument_EveryApiRoute_HasAnOperationWithSummaryAndDescription()
    {
        var document = await DocumentAsync();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: PathOf(e.RoutePattern.RawText!))))
            .ToList();

        var missing = routes.Where(r => Operation(document, r.Path, r.Method) is not { Summary.Length: > 0, Description.Length: > 0 }).ToList();

        Assert.Equal(54, routes.Count);
        Assert.Empty(missing);
        Assert.Equal(routes.Count, document.Paths.Values.Sum(p => p.Operations!.Count));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task OpenApiDocument_FileDownload_DeclaresRangeAnswersAndHeaders(string method)
    {
        var download = Operation(await DocumentAsync(), FilePath, method)!;

        Assert.Equal(["200", "206", "304", "400", "401", "404", "410", "416", "503"], download.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["If-None-Match", "If-Range", "Range"], HeaderParameters(download));
        Assert.True(download.Responses["200"].Headers!.ContainsKey("ETag"));
        Assert.True(download.Responses["206"].Headers!.ContainsKey("ETag"));
        Assert.True(download.Responses["206"].Headers!.ContainsKey("Content-Range"));
        Assert.True(download.Responses["304"].Headers!.ContainsKey("ETag"));
        Assert.True(download.Responses["416"].Headers!.ContainsKey("Content-Range"));
        Assert.Equal("application/problem+json", Assert.Single(download.Responses["416"].Content!.Keys));
    }

    [Fact]
    public async Task OpenApiDocument_Uploads_DeclareTheirHeaders()
    {
        var document = await DocumentAsync();

        var upload = Operation(document, FilePath, "PUT")!;
        var chunk = Operation(document, "/api/v1/uploads/{id}", "PATCH")!;

        Assert.Equal(["Content-Length", "X-Grid-Sha256"], HeaderParameters(upload));
        Assert.Equal("application/octet-stream", Assert.Single(upload.RequestBody!.Content!.Keys));
        Assert.Equal(["Content-Length", "Upload-Offset"], HeaderParameters(chunk));
        Assert.True(chunk.Parameters!.Single(p => p.Name == "Upload-Offset").Required);
        Assert.True(chunk.Responses!["204"].Headers!.ContainsKey("Upload-Offset"));
        Assert.True(chunk.Responses["409"].Headers!.ContainsKey("Upload-Offset"));
    }

    [Fact]
    public async Task OpenApiDocument_SubmitEvaluation_DeclaresItsAnswersAndNeedsAToken()
    {
        var submit = Operation(await DocumentAsync(), "/api/v1/evaluations", "POST")!;

        Assert.Equal(["200", "202", "400", "401", "403", "404", "409", "429", "503"], submit.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.True(submit.Responses["202"].Headers!.ContainsKey("Location"));
        Assert.True(submit.Responses["429"].Headers!.ContainsKey("Retry-After"));
        Assert.Equal("application/problem+json", Assert.Single(submit.Responses["409"].Content!.Keys));
        var requirement = Assert.Single(submit.Security!);
        Assert.Equal("bearer", Assert.Single(requirement.Keys).Reference.Id);
    }

    [Fact]
    public async Task OpenApiDocument_BearerScheme_IsRequiredForWritesAndOptionalForReads()
    {
        var document = await DocumentAsync();

        var scheme = Assert.IsType<OpenApiSecurityScheme>(document.Components!.SecuritySchemes!["bearer"]);
        var list = Operation(document, "/api/v1/models", "GET")!;
        var create = Operation(document, "/api/v1/models", "POST")!;

        Assert.Equal((SecuritySchemeType.Http, "bearer"), (scheme.Type!.Value, scheme.Scheme));
        Assert.Equal([1, 0], list.Security!.Select(r => r.Count));
        Assert.Equal([1], create.Security!.Select(r => r.Count));
    }

    [Fact]
    public async Task HomePage_IsHtmlWhoseFooterLinksTheReferenceTheDocumentTheModelsAndHealth()
    {
        using var response = await app.Http().GetAsync(new Uri("/", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..html.IndexOf("</footer>", StringComparison.Ordinal)];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["/docs", "/openapi/v1.json", "/api/v1/models", "/health"], Href().Matches(footer).Select(m => m.Groups[1].Value));
        Assert.Empty(AbsoluteUrl().Matches(html));
    }

    [Fact]
    public async Task Reference_IsServedWholeByTheHub_WithNothingFromOtherHosts()
    {
        var http = app.Http();
        using var response = await http.GetAsync(new Uri("/docs/", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(AbsoluteUrl().Matches(html));
        Assert.Contains("\"sources\":[{\"title\":\"v1\",\"url\":\"openapi/v1.json\"}]", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"agent\":{\"disabled\":true}", html, StringComparison.Ordinal);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["scalar.js", "scalar.aspnetcore.js"], scripts);
        foreach (var script in scripts)
        {
            using var loaded = await http.GetAsync(new Uri($"/docs/{script}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
            Assert.Equal("text/javascript", loaded.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<OpenApiDocument> DocumentAsync()
    {
        var json = await app.Http().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.Empty(diagnostic!.Errors);
        return document!;
    }

    private static OpenApiOperation? Operation(OpenApiDocument document, string path, string method) =>
        document.Paths.TryGetValue(path, out var item) && item.Operations!.TryGetValue(new HttpMethod(method), out var operation) ? operation : null;

    private static IEnumerable<string> HeaderParameters(OpenApiOperation operation) =>
        operation.Parameters!.Where(p => p.In == ParameterLocation.Header).Select(p => p.Name!).Order(StringComparer.Ordinal);

    /// <summary>A route pattern as OpenAPI writes it: parameters without constraints or catch-all marks, no trailing slash.</summary>
    private static string PathOf(string pattern) => RouteParameter().Replace(pattern, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{\**([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("<script[^>]* src=\"([^\"]*)\"")]
    private static partial Regex ScriptSource();
}
