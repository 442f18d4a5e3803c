namespace ModelGrid.Benchmarks.Cluster;

/// <summary>What one silo observed during a cell (<see cref="SiloProbe"/>), sent from a worker process as one JSON line.</summary>
/// <param name="GrantToStartMs">Per job its executor started: from the lease's grant to the start, in ms.</param>
/// <param name="Executed">The jobs whose executor started here, once per start.</param>
/// <param name="Calls">Every call this silo made to the grid's grains, in ms, by interface and method.</param>
/// <param name="ReminderOps">The silo's reminder-table operations by kind.</param>
/// <param name="MembershipOps">The silo's membership-table operations by kind.</param>
internal sealed record SiloReport(
    double[] GrantToStartMs,
    Guid[] Executed,
    Dictionary<string, double[]> Calls,
    Dictionary<string, int> ReminderOps,
    Dictionary<string, int> MembershipOps);
