using System.CommandLine;
using System.Globalization;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid card show|history</c>.</summary>
public static class CardCommands
{
    public static Command Build(CliHost host) => CliHost.Group("card", "Read model cards and their revisions", Show(host), History(host));

    private static Command Show(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        var revision = new Option<int?>("--revision") { Description = "The card revision (default: the latest)" };
        return host.Command("show", "Print a version's model card", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(revision);
        }, async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var text = await cli.Client.GetCardAsync(id, reference, parse.GetValue(revision), ct);
            if (cli.Json)
            {
                cli.WriteJson(new { model = id, reference, revision = parse.GetValue(revision), card = text });
            }
            else
            {
                cli.Output.Write(text);
            }

            return ExitCodes.Success;
        });
    }

    private static Command History(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        return host.Command("history", "List a version's card revisions", c => c.Arguments.Add(model), async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var cards = await cli.Client.ListCardsAsync(id, reference, ct);
            if (cli.Json)
            {
                cli.WriteJson(cards);
                return ExitCodes.Success;
            }

            var table = new TextTable(new("revision"), new("created"), TextColumn.Text("author"), new("source"), TextColumn.Number("bytes"), new("sha256"));
            foreach (var card in cards)
            {
                table.AddRow($"r{card.Revision.ToString(CultureInfo.InvariantCulture)}", card.CreatedAt.ToString("u", CultureInfo.InvariantCulture), TerminalText.Safe(card.Author), TerminalText.Safe(card.Source),
                    card.Size.ToString("N0", CultureInfo.InvariantCulture), TerminalText.Safe(cli.Wide ? card.Sha256 : card.Sha256[..12]));
            }

            cli.Write(table);
            return ExitCodes.Success;
        });
    }
}
