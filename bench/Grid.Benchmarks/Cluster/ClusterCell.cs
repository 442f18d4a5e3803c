namespace ModelGrid.Benchmarks.Cluster;

/// <summary>One measured configuration of the cluster run.</summary>
/// <param name="Round">The round it belongs to, from 1 (0: the untimed warm-up).</param>
/// <param name="Suite">What its jobs do.</param>
/// <param name="Workers">Worker silos whose worker service leases (1 or 2).</param>
/// <param name="Jobs">Jobs submitted before the workers start.</param>
/// <param name="Hold">How long each job holds its slot.</param>
/// <param name="FirstWorker">Which worker silo leases when only one does (alternates by round).</param>
public sealed record ClusterCell(int Round, ClusterSuite Suite, int Workers, int Jobs, TimeSpan Hold, int FirstWorker = 0)
{
    public bool Warmup => Round == 0;
}
