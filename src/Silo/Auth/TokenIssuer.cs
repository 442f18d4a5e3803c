using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using ModelGrid.Auth;
using ModelGrid.Hub;

namespace ModelGrid.Silo.Auth;

/// <summary>
/// Makes and checks bearer tokens of the form <c>mgt_{id}_{secret}</c>: a 16-hex public id (the grain key) and
/// 32 random bytes. The hub stores only the SHA-256 of the whole token.
/// </summary>
public sealed class TokenIssuer(IGrainFactory grains, TimeProvider time)
{
    private const string Prefix = "mgt_";
    private const int IdLength = 16;

    public async Task<(TokenInfo Info, string Token)> IssueAsync(TokenGrant grant, string createdBy)
    {
        // Checked before the owner is recorded too, so a refused grant leaves no trace; the token grain checks again.
        if (grant.Problem(time.GetUtcNow()) is { } problem)
        {
            throw HubException.Invalid(problem);
        }

        await grains.GetGrain<IOwnerGrain>(grant.Owner).Ensure(createdBy);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var token = $"{Prefix}{id}_{AdminToken.Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var info = await grains.GetGrain<IAccessTokenGrain>(id).Create(grant, Hash(token), createdBy);
        await grains.GetGrain<IOwnerGrain>(grant.Owner).AddToken(id);
        return (info, token);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool TryParseId(string token, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (token.Length < Prefix.Length + IdLength + 2 || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var candidate = token.Substring(Prefix.Length, IdLength);
        if (!candidate.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return false;
        }

        id = candidate;
        return true;
    }
}
