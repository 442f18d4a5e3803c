namespace ModelGrid.FunctionalTests.Adversarial;

public static partial class RouteCases
{
    /// <summary>What every page form answers a post without its antiforgery token, whoever sends it.</summary>
    private static readonly Outcome FormRejected = new(400, "Form rejected");

    /// <summary>
    /// The browser pages and their forms. A page reads as its API twin does; a form posted without the antiforgery
    /// token its page carries is refused before it does anything, to every identity (a bad bearer token is refused
    /// first, as everywhere).
    /// </summary>
    private static Dictionary<string, RouteCase> WebRoutes() =>
        new(StringComparer.Ordinal)
        {
            ["GET /signin"] = Read(_ => "/signin"),

            // The renderer's own endpoint for redirects during enhanced navigation, which these pages never use: an
            // address it did not protect itself is a bad request.
            ["GET /_framework/opaque-redirect"] = new(Access.Open, new Outcome(400), (_, _) => Call(WireRequest.Get("/_framework/opaque-redirect?url=elsewhere"), WriteScope.Nothing)),
            ["GET /web/site.css"] = Read(_ => "/web/site.css"),
            ["HEAD /web/site.css"] = new(Access.Open, Outcome.Ok(), (_, _) => Call(new WireRequest("HEAD", "/web/site.css"), WriteScope.Nothing)),
            ["POST /signin"] = Form("/signin", "token=functional-test-admin-token-0123456789"),
            ["GET /suites"] = Read(_ => "/suites"),
            ["GET /suites/{id}/leaderboard"] = Read(_ => $"/suites/{CorpusWorld.Suite}/leaderboard"),
            ["GET /models/{owner}/{name}/compare"] = Read(w => $"/models/{Public(w).Id}/compare"),
            ["POST /signout"] = Form("/signout", ""),
            ["POST /evaluations"] = Form("/evaluations", $"model=alice/public&suite={CorpusWorld.Suite}&version=1"),
        };

    private static RouteCase Form(string path, string fields) =>
        new(Access.Open, FormRejected, (_, _) => Call(
            new WireRequest("POST", path).Bytes(System.Text.Encoding.UTF8.GetBytes(fields), "application/x-www-form-urlencoded"),
            WriteScope.Nothing));
}
