using System.CommandLine;
using System.CommandLine.Parsing;
using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Benchmarks.Fairness;

/// <summary>
/// The <c>fairness</c> command: the grid's fairness metrics and cell-multinomial bootstrap against two numpy scripts
/// (naive row resampling and the cell-multinomial bootstrap) on the same synthetic rows, ending in one markdown report.
/// </summary>
public static class FairnessCommand
{
    public static Command Build()
    {
        var rounds = new Option<int>("--rounds")
        {
            Description = "Alternating rounds of the grid and the numpy multinomial script (at least 5 for the published figures)",
            DefaultValueFactory = _ => 5,
        };
        var rows = new Option<int>("--rows")
        {
            Description = "Synthetic rows",
            DefaultValueFactory = _ => 1_000_000,
        };
        var replicates = new Option<int>("--replicates")
        {
            Description = "Bootstrap replicates of the grid and the multinomial script",
            DefaultValueFactory = _ => BootstrapOptions.MinimumReplicates,
        };
        var naiveReplicates = new Option<int>("--naive-replicates")
        {
            Description = "Replicates of the naive row-resampling script, run once (its time is linear in them)",
            DefaultValueFactory = _ => BootstrapOptions.MinimumReplicates,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the rows and of every bootstrap",
            DefaultValueFactory = _ => 42,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the report (default: bench/out of the repository)",
        };
        var work = new Option<string?>("--work")
        {
            Description = "Parent of the scratch folder that holds the rows file (default: the system temp folder)",
        };
        var command = new Command("fairness", "The grid's fairness metrics and bootstrap vs numpy (naive row resampling and cell-multinomial) on the same synthetic rows")
        {
            rounds,
            rows,
            replicates,
            naiveReplicates,
            seed,
            output,
            work,
        };
        AtLeast(rounds, 1);
        AtLeast(rows, 1000);
        AtLeast(replicates, BootstrapOptions.MinimumReplicates);
        AtLeast(naiveReplicates, 10);
        command.SetAction((parse, cancellationToken) =>
            FairnessBenchmark.RunAsync(
                new FairnessBenchOptions(
                    parse.GetValue(rounds),
                    parse.GetValue(rows),
                    parse.GetValue(replicates),
                    parse.GetValue(naiveReplicates),
                    parse.GetValue(seed),
                    RepositoryPaths.OutputFolder(parse.GetValue(output)),
                    Path.GetFullPath(parse.GetValue(work) ?? Path.GetTempPath()),
                    string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value))),
                cancellationToken));
        return command;
    }

    private static void AtLeast(Option<int> option, int minimum) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}");
            }
        });
}
