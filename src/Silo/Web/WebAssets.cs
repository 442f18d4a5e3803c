using System.Security.Cryptography;

namespace ModelGrid.Silo.Web;

/// <summary>
/// The pages' one stylesheet, embedded in the silo's assembly so it is served the same from <c>dotnet run</c>, a build
/// or a published folder, whatever the working directory.
/// </summary>
public static class WebAssets
{
    /// <summary>Where the stylesheet is served.</summary>
    public const string StylesheetPath = "/web/site.css";

    private const string ResourceName = "ModelGrid.Silo.Web.site.css";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Stylesheet = new(() =>
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing from the silo's assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    });

    /// <summary>Maps <c>GET /web/site.css</c>.</summary>
    /// <param name="web">The route builder of the pages.</param>
    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder web)
    {
        web.MapMethods(StylesheetPath, [HttpMethods.Get, HttpMethods.Head], ServeStylesheet).ExcludeFromDescription();
        return web;
    }

    private static IResult ServeStylesheet(HttpContext context)
    {
        var (bytes, etag) = Stylesheet.Value;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=300";
        return context.Request.Headers.IfNoneMatch.ToString() == etag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, "text/css; charset=utf-8");
    }
}
