using System.CommandLine;
using System.Text;
using ModelGrid.Evaluation.Reporting;
using ModelGrid.Evaluation.Running;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid compare owner/name --versions 1,2,3 --suite id</c>: recorded results side by side, with paired deltas.</summary>
public static class CompareCommand
{
    public static Command Build(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name" };
        var versions = new Option<string>("--versions") { Description = "Two or more version numbers, e.g. 1,2,3", Required = true };
        var suite = new Option<string>("--suite") { Description = "The suite's id (each version needs a recorded result on it)", Required = true };
        var baseline = new Option<int?>("--baseline") { Description = "The version deltas are taken against (default: the first)" };
        var all = new Option<bool>("--all") { Description = "Print every compared metric, not only the headline ones" };
        return host.Command("compare", "Compare versions of a model on one suite: values with intervals, deltas, significance (--wide: one line per metric)", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(versions);
            c.Options.Add(suite);
            c.Options.Add(baseline);
            c.Options.Add(all);
        }, async (parse, cli, ct) =>
        {
            var id = ModelRefArgument.ParseModel(parse.GetValue(model)!);
            var numbers = EvaluationArguments.ParseVersions(parse.GetValue(versions)!);
            var report = await cli.Client.CompareAsync(id, numbers, parse.GetValue(suite)!, parse.GetValue(baseline), ct);
            if (cli.Json)
            {
                cli.Output.WriteLine(Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, EvaluationJson.Options)));
            }
            else
            {
                var rows = parse.GetValue(all) ? null : ComparisonText.HeadlineMetrics;
                cli.WriteLine($"{id}, versions {string.Join(", ", numbers)}:");
                cli.Output.Write(cli.Wide ? ComparisonText.RenderWide(report, rows) : ComparisonText.Render(report, rows, cli.LayoutWidth));
            }

            return ExitCodes.Success;
        });
    }
}
