namespace ModelGrid.Silo.Infrastructure;

/// <summary>Configuration section <c>Grid:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Grid:Auth";

    /// <summary>The bootstrap admin token; when unset, the first start writes one to <c>{Grid:Storage:Path}/admin-token</c> (mode 0600).</summary>
    public string? AdminToken { get; set; }
}
