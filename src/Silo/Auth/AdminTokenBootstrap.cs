namespace ModelGrid.Silo.Auth;

/// <summary>Makes sure the admin token exists (and says where) as soon as the host starts, not at the first request.</summary>
public sealed class AdminTokenBootstrap(AdminToken token) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = token.FilePath;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
