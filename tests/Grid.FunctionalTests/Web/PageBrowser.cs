using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ModelGrid.FunctionalTests.Web;

/// <summary>
/// A visitor of the pages as a browser without script is: it asks for HTML, keeps cookies, does not follow redirects
/// by itself (so tests see each 303), parses each page, and posts forms with the fields the page gave them.
/// </summary>
public sealed class PageBrowser(GridAppFactory app) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _http = CreateClient(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The last response's headers, for cookie checks.</summary>
    public HttpResponseMessage? Last { get; private set; }

    public async Task<(HttpStatusCode Status, IDocument Page)> GetAsync(string path)
    {
        Last?.Dispose();
        Last = await _http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (Last.StatusCode, await Parser.ParseDocumentAsync(await Last.Content.ReadAsStringAsync(Ct)));
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> exactly as given (no token added).</summary>
    public async Task<(HttpStatusCode Status, IDocument Page)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        Last?.Dispose();
        using var body = new FormUrlEncodedContent(fields);
        Last = await _http.PostAsync(new Uri(path, UriKind.Relative), body, Ct);
        return (Last.StatusCode, await Parser.ParseDocumentAsync(await Last.Content.ReadAsStringAsync(Ct)));
    }

    /// <summary>Submits a form of <paramref name="page"/> with its own fields (the antiforgery token among them), some replaced.</summary>
    public Task<(HttpStatusCode Status, IDocument Page)> SubmitAsync(IDocument page, string formSelector, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"the page has no {formSelector}: {page.Body?.TextContent}");
        var fields = form.QuerySelectorAll("input[name], select[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.GetAttribute("value") ?? e.QuerySelector("option")?.GetAttribute("value") ?? ""))
            .Where(f => values?.ContainsKey(f.Key) != true)
            .Concat(values ?? new Dictionary<string, string>())
            .ToList();
        return PostAsync(form.GetAttribute("action")!, fields);
    }

    /// <summary>Signs in with <paramref name="token"/> through the sign-in form.</summary>
    public async Task<HttpStatusCode> SignInAsync(string token)
    {
        var (_, page) = await GetAsync("/signin");
        var (status, _) = await SubmitAsync(page, "form#signin", new Dictionary<string, string> { ["token"] = token });
        return status;
    }

    public void Dispose()
    {
        Last?.Dispose();
        _http.Dispose();
    }

    private static HttpClient CreateClient(GridAppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}
