using System.CommandLine;
using System.CommandLine.Parsing;

namespace ModelGrid.Benchmarks.Cluster;

/// <summary>
/// The <c>cluster-dispatch</c> command: jobs through an API silo and two worker silo processes on Azurite, one
/// worker against two, no-op and busy jobs, in interleaved rounds; and <c>cluster-worker</c>, the hidden command the
/// run starts its worker silo processes with.
/// </summary>
public static class ClusterDispatchCommand
{
    public const string WorkerCommandName = "cluster-worker";

    public static Command Build()
    {
        var rounds = Int("--rounds", "Rounds; each runs no-op and busy jobs with one and with two worker silos", 3, 1, 50);
        var noOpJobs = Int("--noop-jobs", "Jobs of a no-op cell", 1000, 1, 1_000_000);
        var busyJobs = Int("--busy-jobs", "Jobs of a busy cell", 48, 1, 1_000_000);
        var holdMs = Int("--hold-ms", "How long a busy job holds its worker slot, ms (long enough that the worker, not dispatch, is the limit)", 2000, 1, 600_000);
        var slots = Int("--slots", "Worker loops per worker silo", 4, 1, 64);
        var partitions = Int("--partitions", "Queue partitions per hardware class; at least twice --slots", 16, 1, 256);
        var warmup = Int("--warmup-jobs", "No-op jobs of the untimed warm-up cell on both workers; 0 skips it", 200, 0, 1_000_000);
        var submitConcurrency = Int("--submit-concurrency", "Submissions in flight while the queue is filled", 16, 1, 1024);
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: bench/out of the repository)" };
        var command = new Command("cluster-dispatch", "Jobs through an API silo and two worker silo processes on Azurite: one worker against two, no-op and busy jobs")
        {
            rounds, noOpJobs, busyJobs, holdMs, slots, partitions, warmup, submitConcurrency, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(slots) * 2 > parse.GetValue(partitions))
            {
                // dispatch-notes.md: a partition serves one call at a time, so more loops than partitions only wait.
                await Console.Error.WriteLineAsync("error: --partitions must be at least twice --slots (both workers' loops)");
                return 2;
            }

            return await ClusterDispatchBenchmark.RunAsync(
                new ClusterDispatchOptions(
                    parse.GetValue(rounds),
                    parse.GetValue(noOpJobs),
                    parse.GetValue(busyJobs),
                    TimeSpan.FromMilliseconds(parse.GetValue(holdMs)),
                    parse.GetValue(slots),
                    parse.GetValue(partitions),
                    parse.GetValue(warmup),
                    parse.GetValue(submitConcurrency),
                    RepositoryPaths.OutputFolder(parse.GetValue(output)),
                    string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value))),
                cancellationToken);
        });
        return command;
    }

    /// <summary>The worker silo process's command; started by <c>cluster-dispatch</c>, not by hand.</summary>
    public static Command BuildWorker()
    {
        var connection = new Option<string>("--connection-string") { Required = true };
        var cluster = new Option<string>("--cluster-id") { Required = true };
        var partitions = new Option<int>("--partitions") { Required = true };
        var slots = new Option<int>("--slots") { Required = true };
        var workerId = new Option<string>("--worker-id") { Required = true };
        var command = new Command(WorkerCommandName, "A worker silo of a cluster-dispatch run (started by it)")
        {
            connection, cluster, partitions, slots, workerId,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) => ClusterWorkerMode.RunAsync(
            parse.GetValue(connection)!, parse.GetValue(cluster)!, parse.GetValue(partitions), parse.GetValue(slots), parse.GetValue(workerId)!, cancellationToken));
        return command;
    }

    private static Option<int> Int(string name, string description, int defaultValue, int minimum, int maximum)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < minimum || value > maximum))
            {
                result.AddError($"{name} must be from {minimum} to {maximum}");
            }
        });
        return option;
    }
}
