using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli.Tests;

public sealed class ModelRefArgumentTests
{
    private const string Hex40 = "89abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void ParseModel_OwnerSlashName_ReturnsId()
    {
        Assert.Equal(new ModelId("alice", "mnist"), ModelRefArgument.ParseModel("alice/mnist"));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("alice/mnist@3")]
    [InlineData("Alice/mnist")]
    [InlineData("")]
    public void ParseModel_Invalid_ThrowsCliException(string text)
    {
        Assert.Throws<CliException>(() => ModelRefArgument.ParseModel(text));
    }

    [Theory]
    [InlineData("alice/mnist", "latest")]
    [InlineData("alice/mnist@3", "3")]
    [InlineData("alice/mnist@stable", "stable")]
    [InlineData("alice/mnist@main", "main")]
    [InlineData("alice/mnist@" + Hex40, Hex40)]
    public void ParseModelRef_ValidForms_ReturnModelAndReference(string text, string reference)
    {
        Assert.Equal((new ModelId("alice", "mnist"), reference), ModelRefArgument.ParseModelRef(text));
    }

    [Fact]
    public void ParseModelRef_NoReference_UsesGivenDefault()
    {
        Assert.Equal((new ModelId("a", "b"), "stable"), ModelRefArgument.ParseModelRef("a/b", "stable"));
    }

    [Theory]
    [InlineData("alice/mnist@")]
    [InlineData("alice/mnist@0")]
    [InlineData("alice/mnist@Stable")]
    [InlineData("alice/mnist@1@2")]
    [InlineData("alice/mnist@-1")]
    [InlineData("alice@3")]
    [InlineData("@3")]
    [InlineData("alice/mnist/x@3")]
    public void ParseModelRef_InvalidForms_ThrowCliException(string text)
    {
        Assert.Throws<CliException>(() => ModelRefArgument.ParseModelRef(text));
    }

    [Fact]
    public void ParseModelVersion_Number_ReturnsIt()
    {
        Assert.Equal((new ModelId("alice", "mnist"), 12), ModelRefArgument.ParseModelVersion("alice/mnist@12"));
    }

    [Theory]
    [InlineData("alice/mnist")]
    [InlineData("alice/mnist@stable")]
    [InlineData("alice/mnist@" + Hex40)]
    public void ParseModelVersion_NotANumber_ThrowsCliException(string text)
    {
        Assert.Throws<CliException>(() => ModelRefArgument.ParseModelVersion(text));
    }
}
