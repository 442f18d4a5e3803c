using System.CommandLine;
using System.Globalization;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

public static partial class VersionCommands
{
    private static Command Drafts(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        var olderThan = new Option<string?>("--older-than") { Description = "Only drafts opened at least this long ago, e.g. 7d, 36h, 90m" };
        var stale = new Option<bool>("--stale") { Description = "Only drafts older than the hub's Grid:Uploads:DraftStaleAfter" };
        return host.Command("drafts", "List a model's unpublished drafts, newest first (publishers of its namespace)", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(olderThan);
            c.Options.Add(stale);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            TimeSpan? age = parse.GetValue(olderThan) is { } text
                ? Durations.TryParse(text, out var parsed) ? parsed : throw new CliException($"--older-than '{text}' is not a duration; use e.g. 7d, 36h, 90m")
                : null;
            var drafts = await cli.Client.ListDraftsAsync(id, age, parse.GetValue(stale), ct);
            if (cli.Json)
            {
                cli.WriteJson(drafts);
                return ExitCodes.Success;
            }

            var table = new TextTable(TextColumn.Number("version"), new("opened"), TextColumn.Text("by"), TextColumn.Number("files"), TextColumn.Number("uploaded"), TextColumn.Number("bytes"));
            foreach (var summary in drafts)
            {
                var draft = await cli.Client.GetVersionAsync(id, summary.Number.ToString(CultureInfo.InvariantCulture), ct);
                table.AddRow(
                    summary.Number.ToString(CultureInfo.InvariantCulture),
                    summary.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                    TerminalText.Safe(summary.CreatedBy),
                    draft.Files.Count.ToString(CultureInfo.InvariantCulture),
                    draft.Files.Count(f => f.Present).ToString(CultureInfo.InvariantCulture),
                    draft.TotalBytes.ToString("N0", CultureInfo.InvariantCulture));
            }

            cli.Write(table);
            cli.WriteLine(drafts.Count == 0
                ? "0 draft(s)"
                : $"{drafts.Count} draft(s); finish one with 'grid push', or delete it with 'grid version delete-draft {id}@N'");
            return ExitCodes.Success;
        });
    }

    private static Command DeleteDraft(CliHost host)
    {
        var version = new Argument<string>("draft") { Description = "owner/name@N" };
        return host.Command("delete-draft", "Delete an unpublished draft and its uploads (published versions are withdrawn, never deleted)", c => c.Arguments.Add(version), async (parse, cli, ct) =>
        {
            var (id, number) = ModelRefArgument.ParseModelVersion(parse.GetValue(version)!);
            await cli.Client.DeleteDraftAsync(id, number, ct);
            if (cli.Json)
            {
                cli.WriteJson(new { model = id, version = number, deleted = true });
            }
            else
            {
                cli.WriteLine($"deleted the draft {id}@{number}");
            }

            return ExitCodes.Success;
        });
    }

    private static Command RemoveFile(CliHost host)
    {
        var version = new Argument<string>("draft") { Description = "owner/name@N" };
        var path = new Argument<string>("path") { Description = "The file's path in the draft" };
        return host.Command("remove-file", "Remove a declared file from a draft, e.g. one declared with the wrong size or SHA-256", c =>
        {
            c.Arguments.Add(version);
            c.Arguments.Add(path);
        }, async (parse, cli, ct) =>
        {
            var (id, number) = ModelRefArgument.ParseModelVersion(parse.GetValue(version)!);
            var file = parse.GetValue(path)!;
            await cli.Client.RemoveFileAsync(id, number, file, ct);
            if (cli.Json)
            {
                cli.WriteJson(new { model = id, version = number, path = file, removed = true });
            }
            else
            {
                cli.WriteLine($"removed {file} from the draft {id}@{number}");
            }

            return ExitCodes.Success;
        });
    }
}
