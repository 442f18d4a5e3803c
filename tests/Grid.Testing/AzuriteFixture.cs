using Xunit;

namespace ModelGrid.Testing;

/// <summary>
/// One real Azurite (blob and table services) for a whole test assembly: a project opts in with
/// <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c> and takes it in a test class's constructor.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    /// <summary>The connection string of the running Azurite.</summary>
    public string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
