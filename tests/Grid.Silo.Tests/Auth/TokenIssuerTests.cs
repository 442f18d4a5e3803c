using ModelGrid.Silo.Auth;

namespace ModelGrid.Silo.Tests.Auth;

public sealed class TokenIssuerTests
{
    [Theory]
    [InlineData("mgt_0123456789abcdef_s3cr3t", "0123456789abcdef")]
    [InlineData("mgt_ffffffffffffffff_x", "ffffffffffffffff")]
    [InlineData("mgt_0000000000000000_a_b-c", "0000000000000000")]
    public void TryParseId_WellFormedToken_ReturnsId(string token, string id)
    {
        Assert.True(TokenIssuer.TryParseId(token, out var parsed));

        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mgt_")]
    [InlineData("mgt_0123456789abcdef_")]
    [InlineData("mgt_0123456789abcdef")]
    [InlineData("mgt_0123456789ABCDEF_secret")]
    [InlineData("mgt_0123456789abcdeg_secret")]
    [InlineData("mgt_0123456789abcde_secret")]
    [InlineData("mgt_0123456789abcdef0_secret")]
    [InlineData("mgt-0123456789abcdef_secret")]
    [InlineData("MGT_0123456789abcdef_secret")]
    [InlineData("xmgt_0123456789abcdef_secret")]
    [InlineData("0123456789abcdef")]
    public void TryParseId_Malformed_ReturnsFalse(string token)
    {
        Assert.False(TokenIssuer.TryParseId(token, out var id));

        Assert.Null(id);
    }

    [Fact]
    public void Hash_KnownVector_IsLowercaseHexSha256OfUtf8()
    {
        // FIPS 180-2 test vector: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenIssuer.Hash("abc"));
    }

    [Fact]
    public void Hash_NonAscii_HashesUtf8Bytes()
    {
        // SHA-256 of the UTF-8 bytes c3 a9 ("é"), computed with sha256sum.
        Assert.Equal("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c", TokenIssuer.Hash("é"));
    }

    [Fact]
    public void Hash_DifferentTokens_DifferentHashes()
    {
        Assert.NotEqual(TokenIssuer.Hash("mgt_0123456789abcdef_a"), TokenIssuer.Hash("mgt_0123456789abcdef_b"));
    }
}
