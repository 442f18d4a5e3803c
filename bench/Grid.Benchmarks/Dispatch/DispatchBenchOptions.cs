namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>What one <c>dispatch</c> run measures and where it reads and writes.</summary>
/// <param name="QueueLengths">Jobs queued up front, one cell each at the most worker loops.</param>
/// <param name="Loops">Worker loop counts; the smaller ones run at <paramref name="SweepJobs"/> queued jobs.</param>
/// <param name="SweepJobs">Jobs queued in the cells that vary the loop count.</param>
/// <param name="Partitions">Queue partitions per hardware class (<c>Grid:Jobs:Partitions</c>); at least the most loops.</param>
/// <param name="AzuriteCap">The most jobs of an Azurite cell in both sweeps (longer queues are capped to it); 0 skips them.</param>
/// <param name="AzuriteFullJobs">Jobs of one more Azurite cell at the most loops; 0 skips it.</param>
/// <param name="SubmitConcurrency">Submissions in flight while the queue is filled.</param>
/// <param name="MinThreads">The thread pool's minimum worker threads for the run; 0 keeps the runtime's default (the core count).</param>
/// <param name="OutputFolder">Where the markdown report is written.</param>
/// <param name="WorkParent">The parent of the scratch folder holding the embedded data folders.</param>
/// <param name="Arguments">The command's arguments as given, for the report.</param>
public sealed record DispatchBenchOptions(
    IReadOnlyList<int> QueueLengths,
    IReadOnlyList<int> Loops,
    int SweepJobs,
    int Partitions,
    int AzuriteCap,
    int AzuriteFullJobs,
    int SubmitConcurrency,
    int MinThreads,
    string OutputFolder,
    string WorkParent,
    string Arguments)
{
    /// <summary>Jobs of the untimed cell that warms each store up (JIT, first activations, Azurite's first requests).</summary>
    public const int WarmupJobs = 200;

    /// <summary>The cells in the order they run: per store a warm-up, the queue lengths at the most loops, then the other loop counts.</summary>
    public IReadOnlyList<DispatchCell> Cells()
    {
        var cells = new List<DispatchCell>();
        cells.AddRange(Sweep(DispatchStore.Embedded, int.MaxValue));
        if (AzuriteCap > 0)
        {
            cells.AddRange(Sweep(DispatchStore.Azurite, AzuriteCap));
        }

        if (AzuriteFullJobs > 0)
        {
            if (AzuriteCap == 0)
            {
                cells.Add(new DispatchCell(DispatchStore.Azurite, WarmupJobs, Loops.Max(), Warmup: true));
            }

            cells.Add(new DispatchCell(DispatchStore.Azurite, AzuriteFullJobs, Loops.Max()));
        }

        return cells;
    }

    private IEnumerable<DispatchCell> Sweep(DispatchStore store, int cap)
    {
        var most = Loops.Max();
        yield return new DispatchCell(store, WarmupJobs, most, Warmup: true);
        foreach (var jobs in QueueLengths.Select(q => Math.Min(q, cap)).Distinct().Order())
        {
            yield return new DispatchCell(store, jobs, most);
        }

        foreach (var loops in Loops.Where(l => l != most).Order())
        {
            yield return new DispatchCell(store, Math.Min(SweepJobs, cap), loops);
        }
    }
}
