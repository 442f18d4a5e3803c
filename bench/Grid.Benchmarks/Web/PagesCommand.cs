using System.CommandLine;
using System.CommandLine.Parsing;
using ModelGrid.Benchmarks.Hub;

namespace ModelGrid.Benchmarks.Web;

/// <summary>The <c>pages</c> command: render times of the browser pages on the demo data against their JSON API twins.</summary>
public static class PagesCommand
{
    public static Command Build()
    {
        var rounds = new Option<int>("--rounds") { Description = "Timed requests per page and per API call, interleaved", DefaultValueFactory = _ => 50 };
        var quick = new Option<bool>("--quick") { Description = "5 rounds: a check that every page renders, for CI" };
        var silo = new Option<string?>("--silo") { Description = $"Grid.Silo.dll to start (default: ${HubCommand.SiloVariable}, else the silo built beside this benchmark)" };
        var shared = new Option<string?>("--shared") { Description = "The shared folder whose models/ and datasets/ the demo reads offline (default: ../shared beside the repository)" };
        var mirrors = new Option<string?>("--mirrors") { Description = "Comma-separated folders the demo reads its artifacts from offline, instead of the shared folder's models/ and datasets/" };
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: bench/out of the repository)" };
        var command = new Command("pages", "Browser pages (home, model, version, compare, leaderboard, queue) on the demo data vs the JSON API call for the same data")
        {
            rounds,
            quick,
            silo,
            shared,
            mirrors,
            output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PagesOptions(
                parse.GetValue(quick) ? 5 : parse.GetValue(rounds),
                HubCommand.ResolveSilo(parse.GetValue(silo)),
                parse.GetValue(mirrors) is { } given
                    ? given.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [Path.Combine(RepositoryPaths.SharedFolder(parse.GetValue(shared)), "models"), Path.Combine(RepositoryPaths.SharedFolder(parse.GetValue(shared)), "datasets")],
                RepositoryPaths.OutputFolder(parse.GetValue(output)),
                string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)));
            return await PagesBenchmark.RunAsync(options, cancellationToken);
        });
        return command;
    }
}
