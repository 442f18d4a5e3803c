namespace ModelGrid.Benchmarks.Cluster;

/// <summary>What one <c>cluster-dispatch</c> run measures.</summary>
/// <param name="Rounds">Rounds; each runs every suite with one and with two worker silos, in alternating order.</param>
/// <param name="NoOpJobs">Jobs of a no-op cell.</param>
/// <param name="BusyJobs">Jobs of a busy cell.</param>
/// <param name="Hold">How long a busy job holds its worker slot.</param>
/// <param name="Slots">Worker loops per worker silo.</param>
/// <param name="Partitions">Queue partitions per hardware class; at least both workers' loops.</param>
/// <param name="WarmupJobs">Jobs of the untimed warm-up cell (both workers, no-op); 0 skips it.</param>
/// <param name="SubmitConcurrency">Submissions in flight while the queue is filled.</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record ClusterDispatchOptions(
    int Rounds,
    int NoOpJobs,
    int BusyJobs,
    TimeSpan Hold,
    int Slots,
    int Partitions,
    int WarmupJobs,
    int SubmitConcurrency,
    string OutputFolder,
    string Arguments)
{
    /// <summary>
    /// The cells in the order they run: the warm-up, then per round the no-op pair and the busy pair, one worker first
    /// in odd rounds and two first in even ones, the single worker alternating between the two silos, so load that
    /// drifts during the run falls on both sides alike.
    /// </summary>
    public IReadOnlyList<ClusterCell> Cells()
    {
        var cells = new List<ClusterCell>();
        if (WarmupJobs > 0)
        {
            cells.Add(new ClusterCell(0, ClusterSuite.NoOp, 2, WarmupJobs, TimeSpan.Zero));
        }

        for (var round = 1; round <= Rounds; round++)
        {
            int[] order = round % 2 == 1 ? [1, 2] : [2, 1];
            var single = (round - 1) % 2;
            foreach (var (suite, jobs, hold) in new[] { (ClusterSuite.NoOp, NoOpJobs, TimeSpan.Zero), (ClusterSuite.Busy, BusyJobs, Hold) })
            {
                cells.AddRange(order.Select(workers => new ClusterCell(round, suite, workers, jobs, hold, single)));
            }
        }

        return cells;
    }
}
