using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ModelGrid.Benchmarks.Hub;

namespace ModelGrid.Benchmarks.Api;

/// <summary>
/// The <c>api-load</c> command: model-info GET and file HEAD through the silo's API, and a bare ASP.NET Core endpoint,
/// at rising concurrency with autocannon, side by side in one run. <c>--bare-server PORT</c> is the bare endpoint's own
/// process, which the benchmark starts.
/// </summary>
public static class ApiLoadCommand
{
    public static Command Build()
    {
        var concurrency = new Option<string>("--concurrency")
        {
            Description = "Connections per step, comma-separated, rising",
            DefaultValueFactory = _ => "1,2,4,8,16,32,64",
        };
        var seconds = new Option<int>("--seconds")
        {
            Description = "Seconds of load per target and step (after a one-second warm-up)",
            DefaultValueFactory = _ => 5,
        };
        var silo = new Option<string?>("--silo")
        {
            Description = $"Grid.Silo.dll to start (default: ${HubCommand.SiloVariable}, else the silo built beside this benchmark)",
        };
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: bench/out of the repository)" };
        var bare = new Option<int?>("--bare-server") { Description = "Serve the bare endpoint on this loopback port until stopped (started by the benchmark itself)", Hidden = true };
        var command = new Command("api-load", "Model-info GET and file HEAD through the API vs a bare ASP.NET Core endpoint, at rising concurrency (autocannon)")
        {
            concurrency,
            seconds,
            silo,
            output,
            bare,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(bare) is { } port)
            {
                await BareServer.RunAsync(port, cancellationToken);
                return 0;
            }

            var steps = parse.GetValue(concurrency)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var options = new ApiLoadOptions(
                steps,
                parse.GetValue(seconds),
                HubCommand.ResolveSilo(parse.GetValue(silo)),
                RepositoryPaths.OutputFolder(parse.GetValue(output)),
                string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)));
            return await ApiLoadBenchmark.RunAsync(options, cancellationToken);
        });
        return command;
    }
}
