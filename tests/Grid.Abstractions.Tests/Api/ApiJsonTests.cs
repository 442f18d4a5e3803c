using System.Text.Json;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.Abstractions.Tests.Api;

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
}
