using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.Contracts.Tests.Api;

public sealed class ApiJsonTests
{
    [Theory]
    [InlineData(VersionStatus.Published, "\"published\"")]
    [InlineData(ModelVisibility.Private, "\"private\"")]
    [InlineData(HubErrorKind.RangeNotSatisfiable, "\"rangeNotSatisfiable\"")]
    [InlineData(HubErrorKind.NotFound, "\"notFound\"")]
    public void Serialize_Enum_IsCamelCaseString(object value, string expected)
    {
        Assert.Equal(expected, JsonSerializer.Serialize(value, value.GetType(), ApiJson.Options));
    }

    [Fact]
    public void Deserialize_CamelCaseString_ReadsEnum()
    {
        Assert.Equal(HubErrorKind.RangeNotSatisfiable, JsonSerializer.Deserialize<HubErrorKind>("\"rangeNotSatisfiable\"", ApiJson.Options));
        Assert.Equal(VersionStatus.Withdrawn, JsonSerializer.Deserialize<VersionStatus>("\"withdrawn\"", ApiJson.Options));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\"secret\"")]
    public void Deserialize_EnumAsNumberOrUnknownName_IsRefused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelVisibility>(json, ApiJson.Options));
    }

    [Fact]
    public void Serialize_Record_CamelCasePropertiesAndNullsLeftOut()
    {
        var request = new CreateModelRequest("alice", "mnist", Visibility: ModelVisibility.Private);

        Assert.Equal(
            "{\"owner\":\"alice\",\"name\":\"mnist\",\"visibility\":\"private\"}",
            JsonSerializer.Serialize(request, ApiJson.Options));
    }

    [Fact]
    public void Deserialize_RecordWithModelId_ReadsIdString()
    {
        const string json = "{\"id\":\"s1\",\"model\":\"alice/mnist\",\"version\":3,\"path\":\"a.bin\",\"size\":10,\"sha256\":\"x\",\"offset\":4,\"chunkBytes\":8,\"complete\":false}";

        var session = JsonSerializer.Deserialize<UploadSessionInfo>(json, ApiJson.Options);

        Assert.Equal(new UploadSessionInfo("s1", new ModelId("alice", "mnist"), 3, "a.bin", 10, "x", 4, 8, false), session);
    }

    [Fact]
    public void Deserialize_ResponseWithMembersItDoesNotKnow_ReadsTheOnesItKnows()
    {
        const string json = "{\"subject\":\"t1\",\"owner\":\"alice\",\"scopes\":[\"read\"],\"addedLater\":{\"x\":1}}";

        var whoAmI = JsonSerializer.Deserialize<WhoAmI>(json, ApiJson.Options)!;

        Assert.Equal(("t1", "alice", "read"), (whoAmI.Subject, whoAmI.Owner, Assert.Single(whoAmI.Scopes)));
    }

    [Fact]
    public void Deserialize_RequestWithMemberItDoesNotKnow_IsRefused()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SubmitEvaluationRequest>("{\"model\":\"a/b\",\"suite\":\"s\",\"versoin\":\"1\"}", ApiJson.Options));

        Assert.Equal("$.versoin", error.Path);
    }

    [Theory]
    [InlineData("{\"model\":\"a/b\",\"suite\":\"s\",\"version\":3}", "3")]
    [InlineData("{\"model\":\"a/b\",\"suite\":\"s\",\"version\":\"3\"}", "3")]
    [InlineData("{\"model\":\"a/b\",\"suite\":\"s\",\"version\":\"stable\"}", "stable")]
    [InlineData("{\"model\":\"a/b\",\"suite\":\"s\"}", null)]
    public void Deserialize_SubmitVersionAsNumberOrString_IsTheReference(string json, string? expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize<SubmitEvaluationRequest>(json, ApiJson.Options)!.Version);
    }

    [Fact]
    public void Serialize_SubmitRequest_WritesTheVersionAsAString()
    {
        Assert.Equal(
            "{\"model\":\"a/b\",\"suite\":\"s\",\"version\":\"2\",\"force\":false}",
            JsonSerializer.Serialize(new SubmitEvaluationRequest("a/b", "s", "2"), ApiJson.Options));
    }
}
