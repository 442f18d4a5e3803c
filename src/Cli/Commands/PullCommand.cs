using System.CommandLine;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid pull owner/name[@ref] &lt;dir&gt;</c>.</summary>
public static class PullCommand
{
    public static Command Build(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref]: a version number, revision id or alias (default: latest)" };
        var folder = new Argument<string>("dir") { Description = "Where to write the files (default: ./name)", Arity = ArgumentArity.ZeroOrOne };
        var noCard = new Option<bool>("--no-card") { Description = "Do not write the model card as README.md" };
        return host.Command("pull", "Download a version's files, verified by SHA-256; an interrupted pull resumes", c =>
        {
            c.Arguments.Add(model);
            c.Arguments.Add(folder);
            c.Options.Add(noCard);
        }, async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var target = parse.GetValue(folder) ?? id.Name;
            var result = await cli.WithProgressAsync(progress => new Puller(cli.Client, progress).PullAsync(id, reference, target, !parse.GetValue(noCard), ct));
            if (cli.Json)
            {
                cli.WriteJson(result);
            }
            else
            {
                var resumed = result.Files.Count(f => f.Outcome == "resumed");
                var current = result.Files.Count(f => f.Outcome == "up-to-date");
                cli.WriteLine($"pulled {id}@{result.Version} (revision {result.RevisionId[..12]}) into {Path.GetFullPath(target)}: {result.Files.Count} file(s), {result.BytesDownloaded:N0} bytes downloaded{(resumed > 0 ? $", {resumed} resumed" : string.Empty)}{(current > 0 ? $", {current} already up to date" : string.Empty)}; all SHA-256 verified");
            }

            return ExitCodes.Success;
        });
    }
}
