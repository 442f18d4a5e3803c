using System.Globalization;
using System.Text.Json;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Grains.Evaluations;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// The benchmark's own executable as a worker silo process: it joins the run's cluster, prints <c>ready</c>, and then
/// follows commands on standard input — <c>start {holdMs}</c> starts the worker service with that hold per job
/// (<c>started</c>), <c>stop</c> stops it and prints <c>s {json}</c> (<see cref="SiloReport"/>), <c>exit</c> (or the
/// end of input) leaves the cluster. While the worker runs, each accepted result prints <c>c {timestamp}</c>.
/// </summary>
internal static class ClusterWorkerMode
{
    private static readonly Lock OutputGate = new();

    public static async Task<int> RunAsync(string connectionString, string clusterId, int partitions, int slots, string workerId, CancellationToken cancellationToken)
    {
        var probe = new SiloProbe(new JobOptions().Lease, timestamp => Say(string.Create(CultureInfo.InvariantCulture, $"c {timestamp}")));
        var executor = new TimedJobExecutor(probe, TimeProvider.System);
        await using var silo = await DispatchSilo.StartAsync(ClusterSilos.Setup(connectionString, clusterId, partitions, slots, workerId, probe, executor), cancellationToken);
        Say("ready");
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts.FirstOrDefault())
            {
                case "start":
                    executor.Hold = TimeSpan.FromMilliseconds(double.Parse(parts[1], CultureInfo.InvariantCulture));
                    await silo.StartWorkerAsync(cancellationToken);
                    Say("started");
                    break;
                case "stop":
                    await silo.StopWorkerAsync();
                    Say("s " + JsonSerializer.Serialize(probe.Take()));
                    break;
                case "take":
                    // Between cells: forget what the silo saw while it was not measured.
                    probe.Take();
                    Say("taken");
                    break;
                case "exit":
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"error: unknown command '{line}'");
                    return 2;
            }
        }

        return 0;
    }

    private static void Say(string line)
    {
        lock (OutputGate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
