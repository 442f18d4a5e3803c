namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>One measured configuration: a store, how many jobs are queued before the workers start, and how many worker loops drain them.</summary>
/// <param name="Store">The storage the silo runs on.</param>
/// <param name="Jobs">Jobs submitted up front (the queue length when the workers start).</param>
/// <param name="Loops">Worker loops (<c>Grid:Worker:Slots</c>).</param>
/// <param name="Warmup">Whether the cell only warms the process up and stays out of the report's tables.</param>
public sealed record DispatchCell(DispatchStore Store, int Jobs, int Loops, bool Warmup = false);
