using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// The <c>dispatch</c> command: no-op jobs submitted up front through the grid's submitter, then drained by the real
/// worker in one in-process silo, on the embedded store and on Azurite, by queue length and worker loops.
/// </summary>
public static class DispatchCommand
{
    public static Command Build()
    {
        var queueLengths = new Option<string>("--queue-lengths")
        {
            Description = "Jobs queued up front, comma-separated; one cell each at the most --loops, on each store",
            DefaultValueFactory = _ => "100,1000,10000",
        };
        var loops = new Option<string>("--loops")
        {
            Description = "Worker loop counts, comma-separated; the smaller ones run with --sweep-jobs queued",
            DefaultValueFactory = _ => "1,4,16",
        };
        var sweepJobs = new Option<int>("--sweep-jobs")
        {
            Description = "Jobs queued in the cells that vary the loop count",
            DefaultValueFactory = _ => 1000,
        };
        var partitions = new Option<int>("--partitions")
        {
            Description = "Queue partitions per hardware class; at least the largest loop count",
            DefaultValueFactory = _ => 16,
        };
        var azuriteCap = new Option<int>("--azurite-cap")
        {
            Description = "The most jobs of an Azurite cell in both sweeps (longer queues are capped to it); 0 skips them",
            DefaultValueFactory = _ => 500,
        };
        var azuriteFull = new Option<int>("--azurite-full")
        {
            Description = "Jobs of one more Azurite cell at the most loops, e.g. 10000 (about 5 minutes on 2 cores); 0 skips it",
            DefaultValueFactory = _ => 0,
        };
        var submitConcurrency = new Option<int>("--submit-concurrency")
        {
            Description = "Submissions in flight while the queue is filled",
            DefaultValueFactory = _ => 16,
        };
        var minThreads = new Option<int>("--min-threads")
        {
            Description = "Minimum thread-pool worker threads for the run (0: the runtime's default, the core count)",
            DefaultValueFactory = _ => 0,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the report (default: bench/out of the repository)",
        };
        var work = new Option<string?>("--work")
        {
            Description = "Parent of the scratch folder that holds the embedded data folders (default: the system temp folder)",
        };
        var command = new Command("dispatch", "No-op jobs through the grid's submitter, queue partitions and worker, on the embedded store and on Azurite")
        {
            queueLengths,
            loops,
            sweepJobs,
            partitions,
            azuriteCap,
            azuriteFull,
            submitConcurrency,
            minThreads,
            output,
            work,
        };
        queueLengths.Validators.Add(result => CheckList(result, 1, 1_000_000));
        loops.Validators.Add(result => CheckList(result, 1, 64));
        Between(partitions, 1, 256);
        Between(sweepJobs, 1, 1_000_000);
        Between(azuriteCap, 0, 1_000_000);
        Between(azuriteFull, 0, 1_000_000);
        Between(submitConcurrency, 1, 1024);
        Between(minThreads, 0, 1024);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loopCounts = ParseList(parse.GetValue(loops))!;
            if (loopCounts.Max() > parse.GetValue(partitions))
            {
                // dispatch-notes.md: a partition serves one call at a time, so more loops than partitions only wait.
                await Console.Error.WriteLineAsync("error: --partitions must be at least the largest --loops value");
                return 2;
            }

            return await DispatchBenchmark.RunAsync(
                new DispatchBenchOptions(
                    ParseList(parse.GetValue(queueLengths))!,
                    loopCounts,
                    parse.GetValue(sweepJobs),
                    parse.GetValue(partitions),
                    parse.GetValue(azuriteCap),
                    parse.GetValue(azuriteFull),
                    parse.GetValue(submitConcurrency),
                    parse.GetValue(minThreads),
                    RepositoryPaths.OutputFolder(parse.GetValue(output)),
                    Path.GetFullPath(parse.GetValue(work) ?? Path.GetTempPath()),
                    string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value))),
                cancellationToken);
        });
        return command;
    }

    internal static List<int>? ParseList(string? text)
    {
        var values = new List<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values.Add(value);
        }

        return values.Count == 0 ? null : [.. values.Distinct()];
    }

    internal static void CheckList(OptionResult result, int minimum, int maximum)
    {
        var values = ParseList(result.GetValueOrDefault<string>());
        if (values is null || values.Any(v => v < minimum || v > maximum))
        {
            result.AddError($"{result.Option.Name} must be comma-separated whole numbers from {minimum} to {maximum}");
        }
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
