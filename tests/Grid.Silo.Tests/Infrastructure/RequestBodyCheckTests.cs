using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelGrid.Api;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class RequestBodyCheckTests
{
    private static readonly JsonSerializerOptions Options = RequestJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

    public static TheoryData<string, string?> SubmitBodies => new()
    {
        { """{"model": "a/b", "suite": "s"}""", null },
        { """{"Model": "a/b", "SUITE": "s", "version": 3, "force": true}""", null },
        { """{"model": "a/b", "suite": "s", "version": "stable", "force": false}""", null },
        { """{"model": "a/b", "suite": "s", "version": null}""", null },
        { """{"model": "a/b", "suite": "s", "versoin": "1"}""", "unknown member 'versoin' in the request body; known members: model, suite, version, force" },
        { """{"model": "a/b", "suite": "s", "force": "true"}""", "'force' must be true or false, not a string" },
        { """{"model": "a/b", "suite": "s", "force": null}""", "'force' must be true or false, not null" },
        { """{"model": "a/b", "suite": "s", "version": 2.5}""", "'version' must be a version number, an alias or a revision id, not 2.5" },
        { """{"model": "a/b", "suite": "s", "version": {}}""", "'version' must be a version number, an alias or a revision id, not an object" },
        { """{"model": ["a/b"], "suite": "s"}""", "'model' must be a string, not an array" },
        { """{"model": null, "suite": "s"}""", "'model' must be a string, not null" },
        { """{"model": "a/b", "model": "a/c", "suite": "s"}""", "member 'model' is given more than once in the request body" },
        { """{"suite": "s"}""", "missing required member 'model' in the request body" },
        { """{}""", "missing required members 'model', 'suite' in the request body" },
        { "42", "the request body must be an object with members model, suite, version, force, not a number" },
    };

    public static TheoryData<string, string?> DraftBodies => new()
    {
        { """{"files": []}""", null },
        { """{"files": [{"path": "a", "size": "12", "sha256": "x"}], "card": null}""", null },
        { """{"files": [{"path": "a", "size": 12, "sha256": "x", "mode": 1}]}""", "unknown member 'mode' in files[0]; known members: path, size, sha256" },
        { """{"files": [{"path": "a", "size": 1, "sha256": "x"}, {"path": "b", "size": -1.5, "sha256": "x"}]}""", "'files[1].size' must be a whole number, not -1.5" },
        { """{"files": [{"path": "a", "size": 1}]}""", "missing required member 'sha256' in files[0]" },
        { """{"files": {"path": "a"}}""", "'files' must be an array, not an object" },
        { """{"files": null}""", "'files' must be an array, not null" },
    };

    public static TheoryData<string, string?> ModelBodies => new()
    {
        { """{"owner": "a", "name": "b", "visibility": "Private", "tags": ["x"]}""", null },
        { """{"owner": "a", "name": "b", "visibility": "hidden"}""", "'visibility' must be one of public, private, not 'hidden'" },
        { """{"owner": "a", "name": "b", "tags": [1]}""", "'tags[0]' must be a string, not a number" },
        { """{"owner": "a", "name": "b", "license": 3}""", "'license' must be a string, not a number" },
    };

    public static TheoryData<string, string?> TokenBodies => new()
    {
        { """{"owner": "a", "scopes": ["read"], "expiresAt": "2027-01-31T12:00:00Z"}""", null },
        { """{"owner": "a", "scopes": ["read"], "expiresAt": "next week"}""", "'expiresAt' must be a date and time such as 2027-01-31T12:00:00Z, not 'next week'" },
        { """{"owner": "a", "scopes": "read"}""", "'scopes' must be an array, not a string" },
    };

    [Theory]
    [MemberData(nameof(SubmitBodies))]
    public void FirstProblem_EvaluationSubmission_NamesWhatTheSerializerRefuses(string json, string? expected) => AssertAgreement<SubmitEvaluationRequest>(json, expected);

    [Theory]
    [MemberData(nameof(DraftBodies))]
    public void FirstProblem_Draft_NamesTheNestedMember(string json, string? expected) => AssertAgreement<CreateDraftRequest>(json, expected);

    [Theory]
    [MemberData(nameof(ModelBodies))]
    public void FirstProblem_Model_NamesEnumAndListProblems(string json, string? expected) => AssertAgreement<CreateModelRequest>(json, expected);

    [Theory]
    [MemberData(nameof(TokenBodies))]
    public void FirstProblem_Token_NamesDateProblems(string json, string? expected) => AssertAgreement<CreateTokenRequest>(json, expected);

    [Fact]
    public void Deserialize_VersionAsNumber_IsThatVersionsText()
    {
        var request = JsonSerializer.Deserialize<SubmitEvaluationRequest>("""{"model": "a/b", "suite": "s", "version": 12}""", Options);

        Assert.Equal(new SubmitEvaluationRequest("a/b", "s", "12"), request);
    }

    [Fact]
    public void Serialize_ResponseWithNullInNonNullableMember_LeavesItOut()
    {
        var view = new WhoAmI(null!, null, []);

        Assert.Equal("""{"scopes":[]}""", JsonSerializer.Serialize(view, Options));
    }

    /// <summary>The check finds a problem exactly when the serializer refuses the body, and names it.</summary>
    private static void AssertAgreement<T>(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);
        var problem = RequestBodyCheck.FirstProblem(document.RootElement, Options.GetTypeInfo(typeof(T)));
        var refused = Record.Exception(() => JsonSerializer.Deserialize<T>(json, Options));

        Assert.Equal(expected, problem);
        Assert.Equal(expected is not null, refused is JsonException);
    }
}
