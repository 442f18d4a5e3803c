using ModelGrid.Testing;

[assembly: AssemblyFixture(typeof(ModelGrid.FunctionalTests.AzuriteFixture))]

namespace ModelGrid.FunctionalTests;

/// <summary>One real Azurite for the whole test assembly.</summary>
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
