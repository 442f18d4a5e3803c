using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Prints the banner once the server listens and before the demo starts (the host runs every
/// <see cref="IHostedLifecycleService.StartedAsync"/> before it signals <c>ApplicationStarted</c>, which the demo waits
/// for): where the API listens, the data folder, the admin token's file, the roles, GPU or CPU, the log level and the address of the browser pages.
/// </summary>
public sealed class StartBanner(
    IServer server,
    IOptions<StorageOptions> storage,
    AdminToken adminToken,
    GridRoleSet roles,
    IServiceProvider services,
    RunConsole console,
    ILogger<StartBanner> logger) : IHostedLifecycleService
{
    /// <summary>The addresses the server listens on, once it has started.</summary>
    public IReadOnlyList<string> Addresses =>
        [.. server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        console.Serving(Addresses.Count == 0 ? "no address (an in-process test host)" : string.Join(", ", Addresses));
        if (storage.Value.Provider == StorageNames.FileSystemProvider)
        {
            console.DataFolder(storage.Value.FullPath);
        }
        else
        {
            console.AzureStorage(StorageNames.HubContainer);
        }

        if (adminToken.FilePath is { } file)
        {
            console.AdminTokenFile(file, adminToken.Created);
        }
        else
        {
            console.AdminTokenConfigured();
        }

        console.Roles(roles.Roles.ToString().ToLowerInvariant());
        if (roles.Roles.HasFlag(GridRoles.Worker) && services.GetService<ConfiguredWorkerCapabilities>() is { } worker)
        {
            console.Worker(worker.Hardware);
        }

        console.Logs(LowestEnabledLevel());
        if (roles.Roles.HasFlag(GridRoles.Api) && Addresses.Count > 0)
        {
            // The pages are served at the API's first address; a wildcard host is reached as localhost.
            console.Pages(Addresses[0].Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The level the project's own categories log at, as the configured rules decide (Logging:LogLevel, --verbose).
    private LogLevel LowestEnabledLevel() =>
        Enum.GetValues<LogLevel>().FirstOrDefault(l => l != LogLevel.None && logger.IsEnabled(l), LogLevel.None);
}
