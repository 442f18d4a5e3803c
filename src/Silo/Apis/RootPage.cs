namespace ModelGrid.Silo.Apis;

/// <summary>The page at <c>/</c>: what this hub is, and where its API, its reference and its models are. Plain HTML, nothing loaded from elsewhere.</summary>
public static class RootPage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ModelGrid hub</title>
        <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{font-size:.95em}</style>
        </head>
        <body>
        <h1>ModelGrid hub</h1>
        <p>An open model hub and evaluation grid: model repositories <code>owner/name</code> with immutable,
        content-addressed versions, aliases and model cards, and evaluation jobs (accuracy, bias, throughput) whose
        results are recorded on the model card.</p>
        <ul>
        <li><a href="/docs">API reference</a>: every operation, with a console to try it</li>
        <li><a href="/openapi/v1.json">OpenAPI document</a> (<code>/openapi/v1.json</code>)</li>
        <li><a href="/api/v1/models">Models</a> (<code>GET /api/v1/models</code>, JSON)</li>
        <li><a href="/health">Health</a></li>
        </ul>
        <p>From a terminal: <code>grid model list</code>, <code>grid pull owner/name ./folder</code>.</p>
        </body>
        </html>
        """;

    public static WebApplication MapRootPage(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Content(Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
