using ModelGrid.Auth;

namespace ModelGrid.Contracts.Tests.Auth;

public sealed class ScopeNamesTests
{
    [Theory]
    [InlineData("read", TokenScopes.Read)]
    [InlineData("publish", TokenScopes.Publish)]
    [InlineData("admin", TokenScopes.Admin)]
    [InlineData("read,publish", TokenScopes.Read | TokenScopes.Publish)]
    [InlineData(" publish , read ", TokenScopes.Read | TokenScopes.Publish)]
    [InlineData("read,,admin", TokenScopes.Read | TokenScopes.Admin)]
    [InlineData("read,read", TokenScopes.Read)]
    [InlineData("admin,publish,read", TokenScopes.Read | TokenScopes.Publish | TokenScopes.Admin)]
    public void TryParse_ScopeList_CombinesFlags(string text, TokenScopes expected)
    {
        Assert.True(ScopeNames.TryParse(text, out var scopes, out var error));

        Assert.Null(error);
        Assert.Equal(expected, scopes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(",")]
    [InlineData(" , ")]
    public void TryParse_NoScopeNamed_ReturnsError(string? text)
    {
        Assert.False(ScopeNames.TryParse(text, out var scopes, out var error));

        Assert.Equal(TokenScopes.None, scopes);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("write", "write")]
    [InlineData("read,Admin", "Admin")]
    [InlineData("read;publish", "read;publish")]
    public void TryParse_UnknownScope_NamesIt(string text, string bad)
    {
        Assert.False(ScopeNames.TryParse(text, out _, out var error));

        Assert.Equal($"'{bad}' is not a scope; use read, publish, admin or evaluate", error);
    }

    [Theory]
    [InlineData(TokenScopes.None, new string[0])]
    [InlineData(TokenScopes.Read, new[] { "read" })]
    [InlineData(TokenScopes.Admin | TokenScopes.Read, new[] { "read", "admin" })]
    [InlineData(TokenScopes.Admin | TokenScopes.Publish | TokenScopes.Read, new[] { "read", "publish", "admin" })]
    public void ToNames_Scopes_ListsNamesInCanonicalOrder(TokenScopes scopes, string[] expected)
    {
        Assert.Equal(expected, ScopeNames.ToNames(scopes));
    }

    [Theory]
    [InlineData("admin,read")]
    [InlineData("publish")]
    [InlineData("read,publish,admin")]
    public void ToNames_RoundTripThroughTryParse_KeepsScopes(string text)
    {
        Assert.True(ScopeNames.TryParse(text, out var scopes, out _));

        Assert.True(ScopeNames.TryParse(string.Join(',', ScopeNames.ToNames(scopes)), out var again, out _));
        Assert.Equal(scopes, again);
    }
}
