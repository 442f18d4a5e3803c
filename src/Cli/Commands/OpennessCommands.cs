using System.CommandLine;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Openness;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid openness show|import|export</c>: a version's Model Openness Framework record and class.</summary>
public static class OpennessCommands
{
    public static Command Build(CliHost host) =>
        CliHost.Group("openness", "A version's openness: Model Openness Framework components, licences and class", Show(host), Import(host), Export(host));

    private static Command Show(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        return host.Command("show", "Print a version's openness class, progress, what the next class needs and each component", c => c.Arguments.Add(model), async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            return Print(cli, await cli.Client.GetOpennessAsync(id, reference, ct));
        });
    }

    private static Command Import(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "A Model Openness Tool model file (YAML)" };
        var model = new Argument<string>("model") { Description = "owner/name@ref: the published version it describes" };
        return host.Command("import", "Set a version's openness record from a Model Openness Tool YAML file", c =>
        {
            c.Arguments.Add(file);
            c.Arguments.Add(model);
        }, async (parse, cli, ct) =>
        {
            var path = parse.GetValue(file)!;
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            string yaml;
            try
            {
                yaml = await File.ReadAllTextAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {path}: {e.Message}");
            }

            return Print(cli, await cli.Client.SetOpennessAsync(id, reference, yaml, ct));
        });
    }

    private static Command Export(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        var output = new Argument<string?>("file") { Description = "Where to write the YAML (default: standard output)", Arity = ArgumentArity.ZeroOrOne };
        return host.Command("export", "Write a version's openness record as a Model Openness Tool YAML file", c =>
        {
            c.Arguments.Add(model);
            c.Arguments.Add(output);
        }, async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var yaml = await cli.Client.GetOpennessYamlAsync(id, reference, ct);
            if (parse.GetValue(output) is not { } path)
            {
                cli.Output.Write(yaml);
                return ExitCodes.Success;
            }

            try
            {
                await File.WriteAllTextAsync(path, yaml, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {path}: {e.Message}");
            }

            cli.Output.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
    }

    /// <summary>Prints a version's openness as JSON (<c>--json</c>) or as text.</summary>
    private static int Print(CliContext cli, OpennessView view)
    {
        if (cli.Json)
        {
            cli.WriteJson(view);
        }
        else
        {
            Write(cli, view);
        }

        return ExitCodes.Success;
    }

    private static void Write(CliContext cli, OpennessView view)
    {
        var o = cli.Output;
        o.WriteLine($"{TerminalText.Safe(view.Model)}@{view.Version}  {view.Label}  (record r{view.Revision} by {TerminalText.Safe(view.UpdatedBy)}, licence lists {view.Evaluation.LicenseListVersion})");
        o.WriteLine($"progress: Class III {OpennessCard.Percent(view.Progress.ClassIII)}, Class II {OpennessCard.Percent(view.Progress.ClassII)}, Class I {OpennessCard.Percent(view.Progress.ClassI)}");
        if (view.NextClass is { } next)
        {
            o.WriteLine($"missing for {MofEvaluation.LabelOf(next)}:");
            foreach (var shortfall in view.MissingForNextClass)
            {
                o.WriteLine($"  {shortfall.Component}: {TerminalText.Safe(shortfall.Reason)}");
            }
        }

        if (view.Components.Count == 0)
        {
            o.WriteLine("no components included");
            return;
        }

        var table = new TextTable(TextColumn.Text("component"), new("type"), TextColumn.Text("licence"), new("open"), TextColumn.Text("where"));
        foreach (var c in view.Components)
        {
            var license = c.Inherited ? $"{c.License} (release-wide)" : c.License;
            var open = !c.Open ? "no" : c.TypeAppropriate ? "yes" : "yes, wrong type";
            var where = c.Verification == ComponentVerification.Verified
                ? $"verified: {string.Join(", ", c.Files.Count > 0 ? c.Files : [c.Location!])}"
                : $"claimed{(c.Location is { } l ? $": {l}" : string.Empty)}";
            table.AddRow(c.Name, c.Type.ToString().ToLowerInvariant(), TerminalText.Safe(license), open, TerminalText.Safe(where));
        }

        cli.Write(table);
    }
}
