namespace ModelGrid.Silo.Infrastructure;

/// <summary>Takes the data folder's lock when the host starts, before the silo touches the folder.</summary>
public sealed class DataFolderLockHolder(DataFolderLock folderLock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = folderLock;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
