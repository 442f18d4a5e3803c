using System.CommandLine;
using System.Globalization;
using ModelGrid.Api;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Hub;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid model create|show|list</c>.</summary>
public static class ModelCommands
{
    public static Command Build(CliHost host) => CliHost.Group("model", "Create, show and list models", Create(host), Show(host), List(host));

    /// <summary>The metadata options shared by <c>model create</c> and <c>push --create</c>.</summary>
    public sealed class MetadataOptions
    {
        public Option<string?> Description { get; } = new("--description") { Description = "What the model is" };

        public Option<string?> Task { get; } = new("--task") { Description = "The task, e.g. image-classification" };

        public Option<string?> License { get; } = new("--license") { Description = "An SPDX licence id or expression, e.g. MIT" };

        public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag (repeatable)", AllowMultipleArgumentsPerToken = false };

        public Option<bool> Private { get; } = new("--private") { Description = "Only the owner's tokens and admins may see it" };

        public void AddTo(Command command)
        {
            command.Options.Add(Description);
            command.Options.Add(Task);
            command.Options.Add(License);
            command.Options.Add(Tags);
            command.Options.Add(Private);
        }

        public CreateModelRequest ToRequest(ParseResult parse, ModelId id) => new(
            id.Owner,
            id.Name,
            parse.GetValue(Description),
            parse.GetValue(Task),
            parse.GetValue(License),
            parse.GetValue(Tags) is { Length: > 0 } tags ? tags : null,
            parse.GetValue(Private) ? ModelVisibility.Private : ModelVisibility.Public);
    }

    private static Command Create(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        var metadata = new MetadataOptions();
        return host.Command("create", "Create a model", c =>
        {
            c.Arguments.Add(model);
            metadata.AddTo(c);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            var created = await cli.Client.CreateModelAsync(metadata.ToRequest(parse, id), ct);
            Print(cli, created);
            return ExitCodes.Success;
        });
    }

    private static Command Show(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        return host.Command("show", "Show a model", c => c.Arguments.Add(model), async (parse, cli, ct) =>
        {
            Print(cli, await cli.Client.GetModelAsync(ModelRefArgument.ParseModel(parse.GetValue(model)!), ct));
            return ExitCodes.Success;
        });
    }

    private static Command List(CliHost host)
    {
        var search = new Option<string?>("--search") { Description = "Text to find in ids, descriptions and tags" };
        var owner = new Option<string?>("--owner") { Description = "Only this owner's models" };
        var page = new Option<int>("--page") { Description = "Page number, from 1", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Models per page", DefaultValueFactory = _ => 20 };
        return host.Command("list", "List and search models", c =>
        {
            c.Options.Add(search);
            c.Options.Add(owner);
            c.Options.Add(page);
            c.Options.Add(pageSize);
        }, async (parse, cli, ct) =>
        {
            var result = await cli.Client.ListModelsAsync(parse.GetValue(search), parse.GetValue(owner), parse.GetValue(page), parse.GetValue(pageSize), ct);
            if (cli.Json)
            {
                cli.WriteJson(result);
                return ExitCodes.Success;
            }

            var table = cli.Wide
                ? new TextTable(new("model"), TextColumn.Number("latest"), TextColumn.Number("versions"), new("task"), new("licence"), new("visibility"), TextColumn.Text("tags"), new("updated"), TextColumn.Text("description"))
                : new TextTable(new("model"), TextColumn.Number("latest"), new("task"), new("licence"), TextColumn.Text("description"));
            foreach (var m in result.Items)
            {
                var latest = m.LatestVersion?.ToString(CultureInfo.InvariantCulture) ?? "-";
                var description = TerminalText.Safe(m.Description ?? string.Empty);
                if (cli.Wide)
                {
                    table.AddRow(m.Id.ToString(), latest, m.VersionCount.ToString(CultureInfo.InvariantCulture), TerminalText.Safe(m.Task ?? "-"), TerminalText.Safe(m.License ?? "-"),
                        m.Visibility.ToString().ToLowerInvariant(), TerminalText.Safe(m.Tags.Count == 0 ? "-" : string.Join(", ", m.Tags)), m.UpdatedAt.ToString("u", CultureInfo.InvariantCulture), description);
                }
                else
                {
                    // Private models are the exception; they say so beside their name rather than in a column of their own.
                    table.AddRow(m.Visibility == ModelVisibility.Private ? $"{m.Id} (private)" : m.Id.ToString(), latest, TerminalText.Safe(m.Task ?? "-"), TerminalText.Safe(m.License ?? "-"), description);
                }
            }

            cli.Write(table);
            cli.WriteLine($"page {result.Page} of {Math.Max(1, (result.Total + result.PageSize - 1) / result.PageSize)} ({result.Total} model(s))");
            return ExitCodes.Success;
        });
    }

    private static void Print(CliContext cli, ModelDetails model)
    {
        if (cli.Json)
        {
            cli.WriteJson(model);
            return;
        }

        cli.WriteLine($"{model.Id}  ({model.Visibility.ToString().ToLowerInvariant()})");
        cli.WriteLine($"  description: {model.Description ?? "-"}");
        cli.WriteLine($"  task:        {model.Task ?? "-"}");
        cli.WriteLine($"  licence:     {model.License ?? "-"}");
        cli.WriteLine($"  tags:        {(model.Tags.Count == 0 ? "-" : string.Join(", ", model.Tags))}");
        cli.WriteLine($"  latest:      {(model.LatestVersion is { } v ? $"{model.Id}@{v}" : "-")} ({model.VersionCount} version(s){(model.DraftCount is > 0 and var drafts ? $", {drafts} draft(s)" : string.Empty)})");
        cli.WriteLine($"  created:     {model.CreatedAt:u} by {model.CreatedBy}");
    }
}
