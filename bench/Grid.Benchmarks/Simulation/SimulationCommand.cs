using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ModelGrid.Benchmarks.Dispatch;

namespace ModelGrid.Benchmarks.Simulation;

/// <summary>
/// The <c>dispatch-simulation</c> command: many silos in one process, up to 100,000 queued jobs, and how lease
/// latency and grain calls per job grow with the worker loops and the queue's length.
/// </summary>
public static class SimulationCommand
{
    public static Command Build()
    {
        var quick = new Option<bool>("--quick") { Description = "The smallest grid (20 silos, 100 and 400 jobs, 20 and 40 loops, 16 and 64 partitions), for a smoke test: a few seconds plus the silos' start-up" };
        var silos = new Option<int>("--silos") { Description = "Silos in the process", DefaultValueFactory = _ => 20 };
        var queueLengths = new Option<string>("--queue-lengths") { Description = "Jobs queued up front, comma-separated, one cell each at --queue-loops", DefaultValueFactory = _ => "1000,10000,100000" };
        var queueLoops = new Option<int>("--queue-loops") { Description = "Worker loops of the queue-length cells", DefaultValueFactory = _ => 100 };
        var loops = new Option<string>("--loops") { Description = "Worker loop counts, comma-separated, one cell each at --sweep-jobs", DefaultValueFactory = _ => "20,100,200,400" };
        var sweepJobs = new Option<int>("--sweep-jobs") { Description = "Jobs of the loop-count cells", DefaultValueFactory = _ => 5000 };
        var partitions = new Option<string>("--partitions") { Description = "Queue partitions: the first for every sweep, each other one more cell at the most loops", DefaultValueFactory = _ => "64,256" };
        var idle = new Option<int>("--idle-seconds") { Description = "Seconds the workers poll the empty queue after each drain (counted once their pauses have settled)", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup-jobs") { Description = "Jobs of the untimed warm-up cell", DefaultValueFactory = _ => 1000 };
        var submitConcurrency = new Option<int>("--submit-concurrency") { Description = "Submissions in flight while the queue is filled", DefaultValueFactory = _ => 64 };
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: bench/out of the repository)" };
        var work = new Option<string?>("--work") { Description = "Parent of the scratch folder for the partitions' logs (default: the system temp folder)" };
        var command = new Command("dispatch-simulation", "Many silos in one process and up to 100,000 queued no-op jobs: lease latency and grain calls per job by worker loops and queue length")
        {
            quick, silos, queueLengths, queueLoops, loops, sweepJobs, partitions, idle, warmup, submitConcurrency, output, work,
        };
        queueLengths.Validators.Add(result => DispatchCommand.CheckList(result, 1, 1_000_000));
        loops.Validators.Add(result => DispatchCommand.CheckList(result, 1, 64 * 200));
        partitions.Validators.Add(result => DispatchCommand.CheckList(result, 1, 256));
        Between(silos, 2, 200);
        Between(queueLoops, 1, 64 * 200);
        Between(sweepJobs, 1, 1_000_000);
        Between(idle, 1, 600);
        Between(warmup, 1, 1_000_000);
        Between(submitConcurrency, 1, 4096);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var isQuick = parse.GetValue(quick);
            var options = new SimulationOptions(
                parse.GetValue(silos),
                isQuick ? [100, 400] : DispatchCommand.ParseList(parse.GetValue(queueLengths))!,
                isQuick ? 20 : parse.GetValue(queueLoops),
                isQuick ? [20, 40] : DispatchCommand.ParseList(parse.GetValue(loops))!,
                isQuick ? 400 : parse.GetValue(sweepJobs),
                isQuick ? [16, 64] : DispatchCommand.ParseList(parse.GetValue(partitions))!,
                isQuick ? 1 : parse.GetValue(idle),
                isQuick ? TimeSpan.FromSeconds(0.25) : TimeSpan.FromSeconds(2),
                isQuick ? 50 : parse.GetValue(warmup),
                parse.GetValue(submitConcurrency),
                RepositoryPaths.OutputFolder(parse.GetValue(output)),
                Path.GetFullPath(parse.GetValue(work) ?? Path.GetTempPath()),
                string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)));
            var most = Math.Max(options.QueueLoops, options.Loops.Max());
            if (most > options.Silos * 64)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: {most} loops need at least {(most + 63) / 64} silos (64 loops per silo at most)"));
                return 2;
            }

            return await SimulationBenchmark.RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static void Between(Option<int> option, int minimum, int maximum) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < minimum || value > maximum))
            {
                result.AddError($"{option.Name} must be from {minimum} to {maximum}");
            }
        });
}
