using System.CommandLine;
using ModelGrid.Client.Transfer;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid push &lt;dir&gt; owner/name</c>.</summary>
public static class PushCommand
{
    public static Command Build(CliHost host)
    {
        var folder = new Argument<string>("dir") { Description = "The folder to publish; its README.md becomes the model card" };
        var model = new Argument<string>("model") { Description = "owner/name" };
        var force = new Option<bool>("--force") { Description = "Publish a new version even if the newest one holds exactly these files" };
        var create = new Option<bool>("--create") { Description = "Create the model if it does not exist (with the metadata options)" };
        var threshold = new Option<long>("--chunk-threshold") { Description = "Files of at least this many bytes use a resumable upload", DefaultValueFactory = _ => PushOptions.DefaultChunkThreshold };
        var metadata = new ModelCommands.MetadataOptions();
        return host.Command("push", "Publish a folder as a new version (uploads only what the hub does not have for you)", c =>
        {
            c.Arguments.Add(folder);
            c.Arguments.Add(model);
            c.Options.Add(force);
            c.Options.Add(create);
            c.Options.Add(threshold);
            metadata.AddTo(c);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            var options = new PushOptions(
                Math.Max(1, parse.GetValue(threshold)),
                parse.GetValue(force),
                parse.GetValue(create) ? metadata.ToRequest(parse, id) : null);
            var result = await cli.WithProgressAsync(progress => new Pusher(cli.Client, progress).PushAsync(parse.GetValue(folder)!, id, options, ct));
            if (cli.Json)
            {
                cli.WriteJson(result);
            }
            else if (result.Status == "up-to-date")
            {
                cli.WriteLine($"up to date: {id}@{result.Version} holds exactly these {result.Files} file(s) (revision {result.RevisionId[..12]}); use --force to publish anyway");
            }
            else
            {
                cli.WriteLine($"published {id}@{result.Version} (revision {result.RevisionId[..12]}): {result.Files} file(s), {result.FilesUploaded} uploaded ({result.BytesUploaded:N0} bytes{(result.BytesResumed > 0 ? $", {result.BytesResumed:N0} resumed" : string.Empty)}), {result.FilesSkipped} already on the hub{(result.Card ? ", README.md as card r1" : string.Empty)}");
            }

            return ExitCodes.Success;
        });
    }
}
