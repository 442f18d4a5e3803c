using ModelGrid.Auth;

namespace ModelGrid.Grains.Auth;

/// <summary>The persisted state of an <see cref="AccessTokenGrain"/>: the token's record and the hash of its secret.</summary>
[GenerateSerializer, Alias("grid.TokenState")]
public sealed class TokenState
{
    [Id(0)] public TokenInfo? Info { get; set; }

    [Id(1)] public string SecretHash { get; set; } = string.Empty;
}
