using System.CommandLine;
using System.Globalization;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid alias set|list|delete</c>.</summary>
public static class AliasCommands
{
    public static Command Build(CliHost host) => CliHost.Group("alias", "Point names such as 'stable' at versions", Set(host), List(host), Delete(host));

    private static Command Set(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        var alias = new Argument<string>("alias") { Description = "The alias, e.g. stable" };
        var version = new Argument<int>("version") { Description = "The published version it points at" };
        return host.Command("set", "Point an alias at a published version", c =>
        {
            c.Arguments.Add(model);
            c.Arguments.Add(alias);
            c.Arguments.Add(version);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            var entry = await cli.Client.SetAliasAsync(id, parse.GetValue(alias)!, parse.GetValue(version), ct);
            if (cli.Json)
            {
                cli.WriteJson(entry);
            }
            else
            {
                cli.WriteLine($"{id}@{entry.Alias} -> {id}@{entry.Version}");
            }

            return ExitCodes.Success;
        });
    }

    private static Command List(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        var history = new Option<bool>("--history") { Description = "Also show every move: who, when, from which version to which" };
        return host.Command("list", "List a model's aliases", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(history);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            var result = await cli.Client.ListAliasesAsync(id, parse.GetValue(history), ct);
            if (cli.Json)
            {
                cli.WriteJson(result);
                return ExitCodes.Success;
            }

            var table = new TextTable(new("alias"), TextColumn.Number("version"), new("kind"), new("updated"), TextColumn.Text("by"));
            foreach (var a in result.Aliases)
            {
                table.AddRow(TerminalText.Safe(a.Alias), a.Version.ToString(CultureInfo.InvariantCulture), a.Reserved ? "reserved" : "user", a.UpdatedAt.ToString("u", CultureInfo.InvariantCulture), TerminalText.Safe(a.UpdatedBy));
            }

            cli.Write(table);
            if (result.History is { } moves)
            {
                var log = new TextTable(new("when"), new("alias"), TextColumn.Number("from"), TextColumn.Number("to"), TextColumn.Text("by"), TextColumn.Text("why"));
                foreach (var m in moves)
                {
                    log.AddRow(m.At.ToString("u", CultureInfo.InvariantCulture), TerminalText.Safe(m.Alias), m.From?.ToString(CultureInfo.InvariantCulture) ?? "-", m.To?.ToString(CultureInfo.InvariantCulture) ?? "-", TerminalText.Safe(m.By), TerminalText.Safe(m.Reason));
                }

                cli.WriteLine(string.Empty);
                cli.Write(log);
            }

            return ExitCodes.Success;
        });
    }

    private static Command Delete(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        var alias = new Argument<string>("alias") { Description = "The alias" };
        return host.Command("delete", "Remove an alias", c =>
        {
            c.Arguments.Add(model);
            c.Arguments.Add(alias);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            await cli.Client.DeleteAliasAsync(id, parse.GetValue(alias)!, ct);
            if (cli.Json)
            {
                cli.WriteJson(new { model = id, alias = parse.GetValue(alias), deleted = true });
            }
            else
            {
                cli.WriteLine($"deleted alias {parse.GetValue(alias)} of {id}");
            }

            return ExitCodes.Success;
        });
    }
}
