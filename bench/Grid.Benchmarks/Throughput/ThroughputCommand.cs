using System.CommandLine;
using System.CommandLine.Parsing;

namespace ModelGrid.Benchmarks.Throughput;

/// <summary>
/// The <c>throughput</c> command: the grid's <c>ThroughputRunner</c> against a bare ONNX Runtime loop on MNIST and
/// Ultraface at 1 and 2 intra-op threads, in alternating rounds, ending in one markdown report.
/// </summary>
public static class ThroughputCommand
{
    public static Command Build()
    {
        var rounds = new Option<int>("--rounds")
        {
            Description = "Alternating rounds per model and thread count (at least 5 for the published figures)",
            DefaultValueFactory = _ => 5,
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Target length of one timed stretch, in seconds; the number of calls is set from it once per case",
            DefaultValueFactory = _ => 1.0,
        };
        var shared = new Option<string?>("--shared")
        {
            Description = $"The shared folder with models/ (default: ${RepositoryPaths.SharedVariable}, else ../shared beside the repository)",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the report (default: bench/out of the repository)",
        };
        var command = new Command("throughput", "The grid's throughput runner vs a bare ONNX Runtime IO-binding loop, MNIST and Ultraface, 1 and 2 intra-op threads")
        {
            rounds,
            seconds,
            shared,
            output,
        };
        rounds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--rounds must be at least 1");
            }
        });
        seconds.Validators.Add(result =>
        {
            if (!(result.GetValueOrDefault<double>() is >= 0.05 and <= 60))
            {
                result.AddError("--seconds must be between 0.05 and 60");
            }
        });
        command.SetAction((parse, cancellationToken) => ThroughputBenchmark.RunAsync(
            new ThroughputBenchOptions(
                parse.GetValue(rounds),
                parse.GetValue(seconds),
                RepositoryPaths.SharedFolder(parse.GetValue(shared)),
                RepositoryPaths.OutputFolder(parse.GetValue(output)),
                string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value))),
            cancellationToken));
        return command;
    }
}
