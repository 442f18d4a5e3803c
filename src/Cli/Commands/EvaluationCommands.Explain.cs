using System.CommandLine;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

public static partial class EvaluationCommands
{
    /// <summary>
    /// <c>grid eval explain &lt;metric&gt;</c>: what a name in a result, card or comparison means — definition, formula,
    /// source and which direction is better — from the same glossary the cards link to. Needs no hub.
    /// </summary>
    private static Command Explain(CliHost host)
    {
        var metric = new Argument<string?>("metric")
        {
            Description = "A metric name as results show it, e.g. aif360.disparate_impact or group[Female].selection_rate; none lists every metric",
            Arity = ArgumentArity.ZeroOrOne,
        };
        return host.Command("explain", "Explain a metric: its definition, formula, source and which direction is better", c => c.Arguments.Add(metric), (parse, cli, _) =>
        {
            if (parse.GetValue(metric) is not { } name)
            {
                if (cli.Json)
                {
                    cli.WriteJson(MetricGlossary.Definitions);
                    return Task.FromResult(ExitCodes.Success);
                }

                var width = MetricGlossary.Definitions.Max(d => d.Term.Length);
                foreach (var d in MetricGlossary.Definitions)
                {
                    cli.WriteLine($"{d.Term.PadRight(width)}  {d.Title}");
                }

                cli.WriteLine("Names add parts such as group[…], .difference.between_groups or .batch_8.threads_2; 'grid eval explain <name>' explains a whole name.");
                return Task.FromResult(ExitCodes.Success);
            }

            var explanation = MetricGlossary.Explain(name)
                ?? throw new CliException($"'{name}' is not a metric the grid reports; 'grid eval explain' lists them");
            if (cli.Json)
            {
                cli.WriteJson(explanation);
            }
            else
            {
                cli.WriteLine($"{explanation.Name} — {explanation.Readable}");
                cli.WriteLine(string.Empty);
                cli.WriteLine(explanation.Paragraph);
            }

            return Task.FromResult(ExitCodes.Success);
        });
    }
}
