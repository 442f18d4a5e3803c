using System.Text;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// A silo started on a data folder that already holds two model records, one of them cut short (as a crash on a file
/// system without write ordering leaves it); no demo, so nothing else writes state while the tests look.
/// </summary>
public sealed class DamagedStateSiloFixture : IAsyncLifetime
{
    public static readonly byte[] Damaged = Encoding.UTF8.GetBytes("{\"Description\":\"half");

    private SiloProcess? _silo;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo is not started");

    public string DataPath { get; } = TestPaths.NewTempFolder("damaged-state");

    public string DamagedRecord { get; } = StateRecordNames.For("model", "model", "ghost/broken");

    public async ValueTask InitializeAsync()
    {
        var whole = Path.Combine(DataPath, StateRecordNames.For("model", "model", "ghost/whole"));
        Directory.CreateDirectory(Path.GetDirectoryName(whole)!);
        await File.WriteAllTextAsync(whole, "{\"Description\":\"whole\",\"CreatedBy\":\"ops\"}");
        await File.WriteAllBytesAsync(Path.Combine(DataPath, DamagedRecord), Damaged);
        _silo = await SiloProcess.StartAsync(DataPath, new Dictionary<string, string?> { ["Grid__Demo__Enabled"] = "false" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
