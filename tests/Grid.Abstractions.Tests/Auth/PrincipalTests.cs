using ModelGrid.Auth;

namespace ModelGrid.Abstractions.Tests.Auth;

public sealed class PrincipalTests
{
    private static readonly Principal ReadAlice = new("0123456789abcdef", "alice", TokenScopes.Read);
    private static readonly Principal PublishAlice = new("fedcba9876543210", "alice", TokenScopes.Publish);
    private static readonly Principal NoScopesAlice = new("00000000000000aa", "alice", TokenScopes.None);
    private static readonly Principal Admin = new("admin", null, TokenScopes.Admin);

    [Fact]
    public void CanRead_PublicModel_AnyoneMay()
    {
        Assert.True(Principal.Anonymous.CanRead("bob", isPublic: true));
        Assert.True(ReadAlice.CanRead("bob", isPublic: true));
        Assert.True(NoScopesAlice.CanRead("bob", isPublic: true));
    }

    [Fact]
    public void CanRead_PrivateModel_AnonymousMayNot()
    {
        Assert.False(Principal.Anonymous.CanRead("alice", isPublic: false));
    }

    [Fact]
    public void CanRead_PrivateModelOfOwnNamespace_ReadOrPublishTokenMay()
    {
        Assert.True(ReadAlice.CanRead("alice", isPublic: false));
        Assert.True(PublishAlice.CanRead("alice", isPublic: false));
        Assert.False(NoScopesAlice.CanRead("alice", isPublic: false));
    }

    [Fact]
    public void CanRead_PrivateModelOfOtherNamespace_TokenMayNot()
    {
        Assert.False(ReadAlice.CanRead("bob", isPublic: false));
        Assert.False(PublishAlice.CanRead("bob", isPublic: false));
        Assert.False(ReadAlice.CanRead("Alice", isPublic: false));
    }

    [Fact]
    public void CanRead_PrivateModel_AdminMay()
    {
        Assert.True(Admin.CanRead("bob", isPublic: false));
        Assert.True(Principal.System.CanRead("bob", isPublic: false));
    }

    [Fact]
    public void CanPublish_AnonymousOrReadToken_MayNot()
    {
        Assert.False(Principal.Anonymous.CanPublish("alice"));
        Assert.False(ReadAlice.CanPublish("alice"));
        Assert.False(NoScopesAlice.CanPublish("alice"));
    }

    [Fact]
    public void CanPublish_PublishToken_OnlyInOwnNamespace()
    {
        Assert.True(PublishAlice.CanPublish("alice"));
        Assert.False(PublishAlice.CanPublish("bob"));
    }

    [Fact]
    public void CanPublish_Admin_AnyNamespace()
    {
        Assert.True(Admin.CanPublish("bob"));
        Assert.True(new Principal("0123456789abcdef", "alice", TokenScopes.Admin).CanPublish("bob"));
    }

    [Fact]
    public void IsAnonymous_OnlyForAnonymous()
    {
        Assert.True(Principal.Anonymous.IsAnonymous);
        Assert.False(ReadAlice.IsAnonymous);
        Assert.False(Admin.IsAnonymous);
    }

    [Fact]
    public void DisplayName_TokenWithOwner_ShowsOwnerAndId()
    {
        Assert.Equal("alice (0123456789abcdef)", ReadAlice.DisplayName);
        Assert.Equal("admin", Admin.DisplayName);
    }
}
