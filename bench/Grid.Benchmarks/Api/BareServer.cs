using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ModelGrid.Benchmarks.Api;

/// <summary>
/// The yardstick: ASP.NET Core with one minimal-API endpoint answering a small JSON object of the size of a model's
/// details, no middleware, logging at Warning — what the framework alone costs on this host.
/// </summary>
public static class BareServer
{
    public const string Path = "/model";

    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var body = new BareModel("bench", "load-model", "a model of the API load benchmark", "MIT", 1, DateTimeOffset.UnixEpoch);
        app.MapGet(Path, () => TypedResults.Ok(body));
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>Details of about the size the hub answers for a model.</summary>
    public sealed record BareModel(string Owner, string Name, string Description, string License, int VersionCount, DateTimeOffset CreatedAt);
}
