namespace ModelGrid.Silo.Apis;

/// <summary>Endpoint metadata: the operation refuses callers without a token; the others also serve anonymous callers.</summary>
public sealed class TokenRequired
{
    public static readonly TokenRequired Instance = new();

    private TokenRequired()
    {
    }
}
