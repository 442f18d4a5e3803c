using System.Text.Json;

namespace ModelGrid.Contracts.Tests;

public sealed class ModelIdTests
{
    [Fact]
    public void TryParse_OwnerSlashName_SplitsParts()
    {
        Assert.True(ModelId.TryParse("alice/mnist-cnn", out var id, out var error));

        Assert.Null(error);
        Assert.Equal("alice", id.Owner);
        Assert.Equal("mnist-cnn", id.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("alice/")]
    [InlineData("/mnist")]
    [InlineData("alice/mnist/extra")]
    [InlineData("Alice/mnist")]
    [InlineData("alice/MNIST")]
    [InlineData("alice/a..b")]
    [InlineData("alice/mnist\n")]
    public void TryParse_InvalidText_ReturnsError(string? text)
    {
        Assert.False(ModelId.TryParse(text, out var id, out var error));

        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(default, id);
    }

    [Fact]
    public void TryCreate_ValidParts_CreatesId()
    {
        Assert.True(ModelId.TryCreate("bob", "resnet.50", out var id, out var error));

        Assert.Null(error);
        Assert.Equal(new ModelId("bob", "resnet.50"), id);
    }

    [Fact]
    public void TryCreate_InvalidOwner_NamesTheOwner()
    {
        Assert.False(ModelId.TryCreate("Bob", "resnet", out _, out var error));

        Assert.StartsWith("'Bob' is not a valid owner", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_InvalidName_NamesTheName()
    {
        Assert.False(ModelId.TryCreate("bob", "res net", out _, out var error));

        Assert.StartsWith("'res net' is not a valid model name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidPart_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ModelId("bob", "-x"));
    }

    [Fact]
    public void Parse_Valid_ReturnsId()
    {
        Assert.Equal(new ModelId("o", "n"), ModelId.Parse("o/n"));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        var e = Assert.Throws<FormatException>(() => ModelId.Parse("no-slash"));

        Assert.Equal("'no-slash' is not of the form owner/name", e.Message);
    }

    [Fact]
    public void ToString_IsOwnerSlashName()
    {
        Assert.Equal("alice/mnist", new ModelId("alice", "mnist").ToString());
    }

    [Fact]
    public void VersionKey_AppendsNumber()
    {
        Assert.Equal("alice/mnist@12", new ModelId("alice", "mnist").VersionKey(12));
    }

    [Fact]
    public void Serialize_WritesString()
    {
        Assert.Equal("\"alice/mnist\"", JsonSerializer.Serialize(new ModelId("alice", "mnist")));
    }

    [Fact]
    public void Deserialize_String_ReadsId()
    {
        var holder = JsonSerializer.Deserialize<Holder>("{\"Model\":\"alice/mnist\"}");

        Assert.Equal(new ModelId("alice", "mnist"), holder!.Model);
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsId()
    {
        var id = new ModelId("o.w-n_er", "n4me");

        Assert.Equal(id, JsonSerializer.Deserialize<ModelId>(JsonSerializer.Serialize(id)));
    }

    [Theory]
    [InlineData("\"Alice/mnist\"")]
    [InlineData("\"alice\"")]
    [InlineData("null")]
    public void Deserialize_InvalidId_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelId>(json));
    }

    private sealed record Holder(ModelId Model);
}
