using System.CommandLine;
using System.CommandLine.Parsing;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>
/// The <c>hub</c> command: downloads through the API against nginx with sendfile, and upload ingest against
/// <c>openssl dgst -sha256</c>, in one run with alternating rounds, ending in one markdown report.
/// </summary>
public static class HubCommand
{
    /// <summary>Where to find Grid.Silo.dll when <c>--silo</c> is not given.</summary>
    public const string SiloVariable = "GRID_BENCH_SILO";

    public static Command Build()
    {
        var rounds = new Option<int>("--rounds")
        {
            Description = "Alternating rounds per measurement (at least 5 for the published figures)",
            DefaultValueFactory = _ => 5,
        };
        var sizeMib = new Option<int>("--size-mib")
        {
            Description = "Size of the generated file in MiB",
            DefaultValueFactory = _ => 1024,
        };
        var silo = new Option<string?>("--silo")
        {
            Description = $"Grid.Silo.dll to start (default: ${SiloVariable}, else the silo built beside this benchmark, .build/bin/Grid.Silo/<configuration>/Grid.Silo.dll)",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the report (default: bench/out of the repository)",
        };
        var work = new Option<string?>("--work")
        {
            Description = "Parent of the scratch folder that holds the data folder and the generated files (default: the system temp folder)",
        };

        var command = new Command("hub", "Download (single and 4 concurrent curls) through the silo vs nginx sendfile, Range checks, and upload ingest vs openssl dgst")
        {
            rounds,
            sizeMib,
            silo,
            output,
            work,
        };
        rounds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--rounds must be at least 1");
            }
        });
        sizeMib.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 16)
            {
                result.AddError("--size-mib must be at least 16 (the Range checks reach 5 MB into the file)");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new HubBenchOptions(
                parse.GetValue(rounds),
                (long)parse.GetValue(sizeMib) << 20,
                ResolveSilo(parse.GetValue(silo)),
                RepositoryPaths.OutputFolder(parse.GetValue(output)),
                Path.GetFullPath(parse.GetValue(work) ?? Path.GetTempPath()),
                string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)));
            return HubBenchmark.RunAsync(options, cancellationToken);
        });
        return command;
    }

    internal static string ResolveSilo(string? given)
    {
        var path = given ?? Environment.GetEnvironmentVariable(SiloVariable);
        if (string.IsNullOrEmpty(path))
        {
            // This program runs from <artifacts>/bin/Grid.Benchmarks/<configuration>/; the silo it references was built beside it.
            var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            path = Path.Combine(own.Parent!.Parent!.FullName, "Grid.Silo", own.Name, "Grid.Silo.dll");
        }

        return Path.GetFullPath(path);
    }
}
