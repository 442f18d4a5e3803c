using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModelGrid.Api;
using static ModelGrid.FunctionalTests.Api.EvaluationCalls;

namespace ModelGrid.FunctionalTests.Api;

/// <summary>JSON request bodies are read strictly, and a body the hub refuses is answered with what is wrong and where.</summary>
[Collection(GridAppGroup.Name)]
public sealed class RequestBodyTests(GridAppFactory app)
{
    private const string Title = "Invalid request body";
    private const string Sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly EvaluationCalls _calls = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitEvaluation_MisspeltVersion_Is400NamingTheMember_AndEvaluatesNothing()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());

        using var response = await SendAsync(model.Token, HttpMethod.Post, "/api/v1/evaluations", $$"""{"model": "{{model.Id}}", "suite": "compas-recidivism", "versoin": "1"}""");

        Assert.Equal(
            "unknown member 'versoin' in the request body; known members: model, suite, version, force",
            await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, Title));
        Assert.Equal(0, (await model.Client.ListEvaluationsAsync(model.Id, cancellationToken: Ct)).Total);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"1\"")]
    public async Task SubmitEvaluation_VersionAsNumberOrString_EvaluatesThatVersion(string version)
    {
        var model = await HubTestModel.CreateAsync(app);
        var first = await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());
        await model.PublishAsync(SampleFile("compas-recidivism", 4), Unique());

        using var response = await SendAsync(model.Token, HttpMethod.Post, "/api/v1/evaluations", $$"""{"model": "{{model.Id}}", "suite": "compas-recidivism", "version": {{version}}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<EvaluationView>(ApiJson.Options, Ct))!;
        Assert.Equal(first.RevisionId, view.Job.Spec.RevisionId);
        await _calls.WaitAsync(view.Job.Id);
    }

    [Fact]
    public async Task SetAlias_VersionAsNumberOrString_PointsAtThatVersion()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(HubTestModel.RandomFile("a.bin", 8));
        await model.PublishAsync(HubTestModel.RandomFile("a.bin", 8));

        using var number = await SendAsync(model.Token, HttpMethod.Put, $"{model.Path}/aliases/stable", """{"version": 1}""");
        using var text = await SendAsync(model.Token, HttpMethod.Put, $"{model.Path}/aliases/candidate", """{"version": "2"}""");

        Assert.Equal(HttpStatusCode.OK, number.StatusCode);
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        var aliases = await model.Client.ListAliasesAsync(model.Id, cancellationToken: Ct);
        Assert.Equal(1, aliases.Aliases.Single(a => a.Alias == "stable").Version);
        Assert.Equal(2, aliases.Aliases.Single(a => a.Alias == "candidate").Version);
    }

    [Theory]
    [InlineData("{\"model\": \"a/b\", \"suite\": \"s\", \"force\": \"yes\"}", "'force' must be true or false, not a string")]
    [InlineData("{\"model\": \"a/b\", \"suite\": \"s\", \"version\": 1.5}", "'version' must be a version number, an alias or a revision id, not 1.5")]
    [InlineData("{\"model\": \"a/b\", \"suite\": \"s\", \"version\": true}", "'version' must be a version number, an alias or a revision id, not true")]
    [InlineData("{\"model\": 7, \"suite\": \"s\"}", "'model' must be a string, not a number")]
    [InlineData("{\"model\": null, \"suite\": \"s\"}", "'model' must be a string, not null")]
    [InlineData("{\"suite\": \"s\"}", "missing required member 'model' in the request body")]
    [InlineData("{\"force\": true}", "missing required members 'model', 'suite' in the request body")]
    [InlineData("{\"model\": \"a/b\", \"suite\": \"s\", \"suite\": \"t\"}", "member 'suite' is given more than once in the request body")]
    [InlineData("[\"a/b\", \"s\"]", "the request body must be an object with members model, suite, version, force, not an array")]
    [InlineData("{\"model\": \"a/b\",\n \"suite\" \"s\"}", "the request body is not valid JSON at line 2, byte 10: '\"' is invalid after a property name. Expected a ':'.")]
    [InlineData("{\"model\": \"a/b\", \"suite\": \"s\"", "the request body is not valid JSON at line 1, byte 30: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    [InlineData("", "the request body is empty; send a JSON object with members model, suite, version, force")]
    public async Task SubmitEvaluation_BodyItCannotTake_Is400SayingWhatAndWhere(string body, string expected)
    {
        using var response = await SendAsync(GridAppFactory.AdminToken, HttpMethod.Post, "/api/v1/evaluations", body);

        Assert.Equal(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, Title));
    }

    [Theory]
    [InlineData("POST", "/api/v1/models", "{\"owner\": 5, \"name\": \"x\"}", "'owner' must be a string, not a number")]
    [InlineData("POST", "/api/v1/models", "{\"owner\": \"a\", \"name\": \"x\", \"visibility\": \"secret\"}", "'visibility' must be one of public, private, not 'secret'")]
    [InlineData("POST", "/api/v1/models", "{\"owner\": \"a\"}", "missing required member 'name' in the request body")]
    [InlineData("PATCH", "/api/v1/models/a/b", "{\"tags\": \"vision\"}", "'tags' must be an array, not a string")]
    [InlineData("PATCH", "/api/v1/models/a/b", "{\"tags\": [\"vision\", 3]}", "'tags[1]' must be a string, not a number")]
    [InlineData("POST", "/api/v1/models/a/b/versions", "{\"files\": [{\"path\": \"a\", \"size\": \"big\", \"sha256\": \"" + Sha + "\"}]}", "'files[0].size' must be a whole number, not 'big'")]
    [InlineData("POST", "/api/v1/models/a/b/versions", "{\"files\": [{\"path\": \"a\", \"size\": 1, \"sah256\": \"" + Sha + "\"}]}", "unknown member 'sah256' in files[0]; known members: path, size, sha256")]
    [InlineData("POST", "/api/v1/models/a/b/versions", "{\"files\": [{\"path\": \"a\", \"size\": 1}]}", "missing required member 'sha256' in files[0]")]
    [InlineData("POST", "/api/v1/models/a/b/versions", "{\"card\": \"# x\"}", "missing required member 'files' in the request body")]
    [InlineData("POST", "/api/v1/models/a/b/versions/1/files", "{\"path\": \"a\", \"size\": 1.5, \"sha256\": \"" + Sha + "\"}", "'size' must be a whole number, not 1.5")]
    [InlineData("POST", "/api/v1/models/a/b/versions/1/withdraw", "{\"reason\": false}", "'reason' must be a string, not false")]
    [InlineData("PUT", "/api/v1/models/a/b/aliases/stable", "{\"version\": \"one\"}", "'version' must be a whole number, not 'one'")]
    [InlineData("PUT", "/api/v1/models/a/b/aliases/stable", "{\"version\": 4294967296}", "'version' must be a whole number, not 4294967296")]
    [InlineData("POST", "/api/v1/models/a/b/versions/1/uploads", "{\"path\": \"a\", \"size\": 1}", "missing required member 'sha256' in the request body")]
    [InlineData("POST", "/api/v1/tokens", "{\"owner\": \"a\", \"scopes\": [\"read\"], \"expiresAt\": \"tomorrow\"}", "'expiresAt' must be a date and time such as 2027-01-31T12:00:00Z, not 'tomorrow'")]
    [InlineData("POST", "/api/v1/tokens", "{\"owner\": \"a\", \"scopes\": {\"read\": true}}", "'scopes' must be an array, not an object")]
    public async Task JsonBody_WrongTypeOrMissingMember_Is400NamingTheMember(string method, string path, string body, string expected)
    {
        using var response = await SendAsync(GridAppFactory.AdminToken, new HttpMethod(method), path, body);

        Assert.Equal(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, Title));
    }

    [Fact]
    public async Task EveryJsonBody_UnknownMember_Is400NamingItAndTheKnownOnes()
    {
        var failures = new List<string>();
        foreach (var (method, path, contract) in JsonBodyEndpoints())
        {
            using var response = await SendAsync(GridAppFactory.AdminToken, method, path, """{"zzz": 1}""");
            var body = await response.Content.ReadAsStringAsync(Ct);
            var known = RequestBodyMembers(contract);
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains($"unknown member 'zzz' in the request body; known members: {known}", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryJsonBody_MalformedJson_Is400WithThePosition()
    {
        var failures = new List<string>();
        foreach (var (method, path, _) in JsonBodyEndpoints())
        {
            using var response = await SendAsync(GridAppFactory.AdminToken, method, path, "{\"a\": tru }");
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("the request body is not valid JSON at line 1, byte ", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("text/plain", "POST /api/v1/evaluations takes a JSON body (Content-Type: application/json), not 'text/plain'")]
    [InlineData(null, "POST /api/v1/evaluations takes a JSON body (Content-Type: application/json), not a body without a Content-Type")]
    public async Task JsonBody_NotJsonContentType_Is415SayingWhatItTakes(string? contentType, string expected)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}"));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await app.Http(GridAppFactory.AdminToken).PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), content, Ct);

        Assert.Equal(expected, await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type"));
    }

    /// <summary>Every route that takes a JSON body, with its parameters filled in, and the contract it reads.</summary>
    private List<(HttpMethod Method, string Path, Type Contract)> JsonBodyEndpoints()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts && accepts.ContentTypes.Contains("application/json"))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (
                new HttpMethod(m),
                "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Fill)))),
                e.Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType!)))
            .ToList();
        Assert.Equal(9, endpoints.Count);
        return endpoints;
    }

    private static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPart part) => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "id" } => Guid.Empty.ToString("D"),
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "version" or "reference" } => "1",
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.Name == "alias" ? "stable" : "x",
        _ => string.Empty,
    };

    private string RequestBodyMembers(Type contract)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return string.Join(", ", options.GetTypeInfo(contract).Properties.Select(p => p.Name));
    }

    private async Task<HttpResponseMessage> SendAsync(string? token, HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        return await app.Http(token).SendAsync(request, Ct);
    }
}
