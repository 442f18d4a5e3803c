namespace ModelGrid.Benchmarks.Cluster;

/// <summary>What the jobs of a cluster cell do once leased.</summary>
public enum ClusterSuite
{
    /// <summary>Nothing: the executor returns at once, so the cell measures dispatch alone.</summary>
    NoOp,

    /// <summary>Each job holds its worker slot for a fixed time without using the CPU, as a run on a worker's own accelerator would.</summary>
    Busy,
}
