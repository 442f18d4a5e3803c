namespace ModelGrid.Benchmarks.Simulation;

/// <summary>What one <c>dispatch-simulation</c> run measures.</summary>
/// <param name="Silos">Silos in the process.</param>
/// <param name="QueueLengths">Jobs queued up front, one cell each at <paramref name="QueueLoops"/> loops.</param>
/// <param name="QueueLoops">Worker loops of the queue-length cells.</param>
/// <param name="Loops">Worker loop counts, one cell each at <paramref name="SweepJobs"/> jobs (the one equal to <paramref name="QueueLoops"/> is shared when that queue length is also swept).</param>
/// <param name="SweepJobs">Jobs of the loop-count cells.</param>
/// <param name="Partitions">Queue partitions: the first for every sweep, each other one a cell at the most loops and <paramref name="SweepJobs"/> jobs.</param>
/// <param name="IdleSeconds">How long the workers' polls of the empty queue are counted after each drain, to see what idle polling costs.</param>
/// <param name="IdleSettle">How long the workers poll the empty queue before that count starts, so their pauses have grown to the longest.</param>
/// <param name="WarmupJobs">Jobs of the untimed warm-up cell.</param>
/// <param name="SubmitConcurrency">Submissions in flight (spread over the silos' submitters) while the queue is filled.</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="WorkParent">The parent of the scratch folder holding the queue logs.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record SimulationOptions(
    int Silos,
    IReadOnlyList<int> QueueLengths,
    int QueueLoops,
    IReadOnlyList<int> Loops,
    int SweepJobs,
    IReadOnlyList<int> Partitions,
    double IdleSeconds,
    TimeSpan IdleSettle,
    int WarmupJobs,
    int SubmitConcurrency,
    string OutputFolder,
    string WorkParent,
    string Arguments)
{
    /// <summary>The cells in the order they run: the warm-up, the queue lengths, the loop counts, the other partition counts.</summary>
    public IReadOnlyList<SimulationCell> Cells()
    {
        var partitions = Partitions[0];
        var cells = new List<SimulationCell> { new(WarmupJobs, QueueLoops, partitions, Warmup: true) };
        cells.AddRange(QueueLengths.Order().Select(jobs => new SimulationCell(jobs, QueueLoops, partitions)));
        cells.AddRange(Loops.Order()
            .Where(loops => !(loops == QueueLoops && QueueLengths.Contains(SweepJobs)))
            .Select(loops => new SimulationCell(SweepJobs, loops, partitions)));
        cells.AddRange(Partitions.Skip(1).Select(p => new SimulationCell(SweepJobs, Loops.Max(), p)));
        return cells;
    }
}
