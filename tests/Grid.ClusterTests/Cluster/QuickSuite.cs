using ModelGrid.Testing;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// A suite that keeps a worker busy for about a second: the CPU throughput suite cut to one batch size, one thread and
/// 1,200 timed runs of the MNIST model on generated inputs, so it needs no dataset and a hundred jobs on two workers run in
/// about a minute, while a worker killed just after it leased a job is sure to be in the middle of it.
/// </summary>
public static class QuickSuite
{
    public const string Id = "quick-throughput";

    /// <summary>Writes the suites folder the silos load (this suite only) and returns it.</summary>
    public static string Write(string folder)
    {
        var suite = Path.Combine(folder, Id);
        Directory.CreateDirectory(suite);
        File.WriteAllText(Path.Combine(suite, "suite.yaml"), """
            id: quick-throughput
            version: 1
            kind: throughput
            description: A few single-threaded batch-1 runs on generated inputs, to keep a worker busy briefly.
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
              measure-iterations: 1200
            """);
        // The data card of the suite it is cut from: generated inputs, no external data.
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "eval-suites", "throughput-cpu", "datacard.md"), Path.Combine(suite, "datacard.md"));
        return folder;
    }
}
