using ModelGrid.Testing;

[assembly: AssemblyFixture(typeof(ModelGrid.ClusterTests.AzuriteFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ModelGrid.ClusterTests;

/// <summary>One real Azurite (blob and table services) for the scenarios that do not stop it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
