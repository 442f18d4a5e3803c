using System.CommandLine;
using System.CommandLine.Parsing;

namespace ModelGrid.Benchmarks.Generation;

/// <summary>
/// The <c>generation</c> command: the grid's greedy decoding on stories260K's KV graph against a bare ONNX Runtime
/// loop, batch 1 and 8 at 1 and 2 intra-op threads, in alternating rounds, ending in one markdown report.
/// </summary>
public static class GenerationCommand
{
    public static Command Build()
    {
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds per batch and thread count", DefaultValueFactory = _ => 5 };
        var generations = new Option<int>("--generations") { Description = "Generations per side and round", DefaultValueFactory = _ => 10 };
        var tokens = new Option<int>("--tokens") { Description = "Tokens generated per row", DefaultValueFactory = _ => 200 };
        var shared = new Option<string?>("--shared")
        {
            Description = $"The shared folder with models/lm (default: ${RepositoryPaths.SharedVariable}, else ../shared beside the repository)",
        };
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: bench/out of the repository)" };
        var command = new Command("generation", "The grid's greedy KV decoding vs a bare ONNX Runtime loop on stories260K, batch 1 and 8, 1 and 2 intra-op threads")
        {
            rounds,
            generations,
            tokens,
            shared,
            output,
        };
        foreach (var (option, minimum) in new[] { (rounds, 1), (generations, 1), (tokens, 2) })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < minimum)
                {
                    result.AddError($"{option.Name} must be at least {minimum}");
                }
            });
        }

        command.SetAction((parse, cancellationToken) => GenerationBenchmark.RunAsync(
            new GenerationBenchOptions(
                parse.GetValue(rounds),
                parse.GetValue(generations),
                parse.GetValue(tokens),
                RepositoryPaths.SharedFolder(parse.GetValue(shared)),
                RepositoryPaths.OutputFolder(parse.GetValue(output)),
                string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value))),
            cancellationToken));
        return command;
    }
}
