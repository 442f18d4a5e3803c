namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>The durations of one kind of grain call, as the caller saw them (request to response).</summary>
internal sealed class CallStats
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    public double[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _milliseconds];
        }
    }
}
