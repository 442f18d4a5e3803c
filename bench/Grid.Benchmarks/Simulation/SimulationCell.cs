namespace ModelGrid.Benchmarks.Simulation;

/// <summary>One configuration of the simulation.</summary>
/// <param name="Jobs">Jobs queued before the workers start.</param>
/// <param name="Loops">Worker loops, spread evenly over the silos.</param>
/// <param name="Partitions">Queue partitions per hardware class.</param>
/// <param name="Warmup">Whether the cell only warms the process up and stays out of the report.</param>
public sealed record SimulationCell(int Jobs, int Loops, int Partitions, bool Warmup = false);
