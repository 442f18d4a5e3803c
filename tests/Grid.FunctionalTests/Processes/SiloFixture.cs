using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>One real silo process per test class, on a fresh data folder with the generated admin token.</summary>
public class SiloFixture : IAsyncLifetime
{
    private SiloProcess? _silo;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo is not started");

    public string DataPath { get; } = TestPaths.NewTempFolder("silo-data");

    /// <summary>The admin token the silo wrote on its first start.</summary>
    public string AdminTokenFile => Path.Combine(DataPath, "admin-token");

    protected virtual IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync() => _silo = await SiloProcess.StartAsync(DataPath, Environment);

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A silo with 256 KiB upload chunks, so resumable uploads have many chunks at small sizes, and without the evaluation
/// demo, so nothing else writes to its store while the tests look at its staging files.
/// </summary>
public sealed class SmallChunkSiloFixture : SiloFixture
{
    public const int ChunkBytes = 256 << 10;

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Grid__Uploads__ChunkBytes"] = ChunkBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Grid__Demo__Evaluations"] = "false",
    };
}

/// <summary>A silo without the worker role (submitted jobs stay queued until cancelled), allowing two submissions a minute per token.</summary>
public sealed class ApiOnlySiloFixture : SiloFixture
{
    public const int SubmissionsPerMinute = 2;

    protected override IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["Grid__Roles"] = "api",
        ["Grid__Evaluation__SubmissionsPerMinute"] = SubmissionsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
