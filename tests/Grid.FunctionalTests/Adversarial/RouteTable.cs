using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Silo.Operations;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>One method of one endpoint the host maps, e.g. <c>PATCH /api/v1/models/{owner}/{name}</c>.</summary>
public sealed record Route(string Method, string Pattern)
{
    /// <summary>Whether the route may change state: everything but GET and HEAD.</summary>
    public bool Mutating => Method is not ("GET" or "HEAD");

    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;
}

/// <summary>
/// The routes the silo really maps, read from its <see cref="EndpointDataSource"/> when the cases are generated: the
/// host is composed as <c>Program</c> composes it (services and operations, then the operators' endpoints and the
/// grid's) but never started. A route added to
/// the API therefore becomes a case for every identity at once, and fails until the route cases say what
/// it answers.
/// </summary>
public static class RouteTable
{
    private static readonly Lazy<IReadOnlyList<Route>> Routes = new(Enumerate);

    public static IReadOnlyList<Route> Live => Routes.Value;

    private static IReadOnlyList<Route> Enumerate()
    {
        var data = TestPaths.NewTempFolder("grid-routes");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
            builder.Configuration["Grid:Storage:Path"] = data;
            builder.AddGridServices();
            builder.AddGridOperations();
            var app = builder.Build();
            try
            {
                app.UseGridOperations();
                app.MapGridEndpoints();
                var routes = new List<Route>();
                foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
                {
                    var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                    routes.AddRange(methods.Select(m => new Route(m, Normalize(endpoint.RoutePattern.RawText ?? string.Empty))));
                }

                return [.. routes.Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
            }
            finally
            {
                // The data folder's lock is a singleton made on first use; made here, the container releases it.
                _ = app.Services.GetService<DataFolderLock>();
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Group prefixes joined to "/" routes end in a slash (<c>/api/v1/models/</c>); the route is the same without it.</summary>
    private static string Normalize(string pattern) =>
        "/" + pattern.Trim('/');
}
