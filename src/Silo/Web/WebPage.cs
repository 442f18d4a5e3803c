namespace ModelGrid.Silo.Web;

/// <summary>
/// Endpoint metadata: the endpoint is part of the browser pages, so the web session's cookie names its caller. API
/// endpoints never carry it, so a cookie alone never authenticates an API call.
/// </summary>
public sealed class WebPage
{
    /// <summary>The one instance endpoints carry.</summary>
    public static readonly WebPage Instance = new();

    private WebPage()
    {
    }
}
