using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// Suites that keep a worker busy briefly: the CPU throughput suite cut to one batch size, one thread and 1,200 timed
/// runs of the MNIST model on generated inputs (about a second), so they need no dataset and a hundred jobs on two
/// workers run in about a minute.
/// </summary>
public static class QuickSuite
{
    public const string Id = "quick-throughput";

    /// <summary>The same with 20,000 runs (several seconds): a job a worker is sure to be in the middle of when it is killed.</summary>
    public const string SlowId = "slow-throughput";

    /// <summary>Writes the suites folder the silos load (these two suites only) and returns it.</summary>
    public static string Write(string folder)
    {
        WriteSuite(folder, Id, 1_200, "A few single-threaded batch-1 runs on generated inputs, to keep a worker busy briefly.");
        WriteSuite(folder, SlowId, 20_000, "Many single-threaded batch-1 runs on generated inputs, to keep a worker busy for a while.");
        return folder;
    }

    private static void WriteSuite(string folder, string id, int iterations, string description)
    {
        var suite = Path.Combine(folder, id);
        Directory.CreateDirectory(suite);
        File.WriteAllText(Path.Combine(suite, "suite.yaml"), $"""
            id: {id}
            version: 1
            kind: throughput
            description: {description}
            data-card: datacard.md
            execution: cpu
            data:
              format: generated
            throughput:
              batch-sizes: [1]
              threads: [1]
              seed: 20261207
              window-iterations: 5
              max-warmup-windows: 3
              tolerance: 1
              measure-iterations: {iterations}
            """);

        // The data card of the suite it is cut from: generated inputs, no external data.
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "throughput-cpu", "datacard.md"), Path.Combine(suite, "datacard.md"));
    }
}
