using System.CommandLine;
using System.Globalization;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid version list|show|withdraw|drafts|delete-draft|remove-file</c>.</summary>
public static partial class VersionCommands
{
    public static Command Build(CliHost host) => CliHost.Group(
        "version", "List, show and withdraw versions; list and delete drafts", List(host), Show(host), Withdraw(host), Drafts(host), DeleteDraft(host), RemoveFile(host));

    private static Command List(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        return host.Command("list", "List a model's versions, newest first", c => c.Arguments.Add(model), async (parse, cli, ct) =>
        {
            var versions = await cli.Client.ListVersionsAsync(ModelRefArgument.ParseModel(parse.GetValue(model)!), ct);
            if (cli.Json)
            {
                cli.WriteJson(versions);
                return ExitCodes.Success;
            }

            var table = cli.Wide
                ? new TextTable(TextColumn.Number("version"), new("status"), new("revision"), new("created"), new("published"), TextColumn.Text("by"))
                : new TextTable(TextColumn.Number("version"), new("status"), new("revision"), new("published"), TextColumn.Text("by"));
            foreach (var v in versions)
            {
                var number = v.Number.ToString(CultureInfo.InvariantCulture);
                var published = v.PublishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
                var status = v.Status.ToString().ToLowerInvariant();
                if (cli.Wide)
                {
                    table.AddRow(number, status, TerminalText.Safe(v.RevisionId ?? "-"), v.CreatedAt.ToString("u", CultureInfo.InvariantCulture), published, TerminalText.Safe(v.CreatedBy));
                }
                else
                {
                    table.AddRow(number, status, TerminalText.Safe(v.RevisionId?[..12] ?? "-"), published, TerminalText.Safe(v.CreatedBy));
                }
            }

            cli.Write(table);
            return ExitCodes.Success;
        });
    }

    private static Command Show(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        return host.Command("show", "Show a version and its files", c => c.Arguments.Add(model), async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var version = await cli.Client.GetVersionAsync(id, reference, ct);
            if (cli.Json)
            {
                cli.WriteJson(version);
                return ExitCodes.Success;
            }

            cli.WriteLine($"{id}@{version.Number}  {version.Status.ToString().ToLowerInvariant()}  revision {version.RevisionId ?? "-"}");
            if (version.WithdrawnReason is { } reason)
            {
                cli.WriteLine($"  withdrawn {version.WithdrawnAt:u} by {version.WithdrawnBy}: {reason}");
            }

            var table = new TextTable(new("path"), TextColumn.Number("size"), new("sha256"));
            foreach (var f in version.Files)
            {
                table.AddRow(TerminalText.Safe(f.Path), f.Size.ToString("N0", CultureInfo.InvariantCulture), TerminalText.Safe(f.Sha256));
            }

            cli.Write(table);
            return ExitCodes.Success;
        });
    }

    private static Command Withdraw(CliHost host)
    {
        var model = new Argument<string>("version") { Description = "owner/name@N" };
        var reason = new Option<string>("--reason") { Description = "Why; shown to everyone who asks for the version's files", Required = true };
        return host.Command("withdraw", "Withdraw a published version: its files answer 410 Gone, latest moves back", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(reason);
        }, async (parse, cli, ct) =>
        {
            var (id, number) = ModelRefArgument.ParseModelVersion(parse.GetValue(model)!);
            var version = await cli.Client.WithdrawAsync(id, number, parse.GetValue(reason)!, ct);
            if (cli.Json)
            {
                cli.WriteJson(version);
            }
            else
            {
                cli.WriteLine($"withdrew {id}@{version.Number}: {version.WithdrawnReason}");
            }

            return ExitCodes.Success;
        });
    }
}
