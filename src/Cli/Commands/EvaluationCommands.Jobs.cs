using System.CommandLine;
using System.Globalization;
using ModelGrid.Evaluation.Reporting;

namespace ModelGrid.Client.Cli.Commands;

public static partial class EvaluationCommands
{
    private static Command List(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name, or owner/name@N for one version" };
        var status = new Option<string?>("--status") { Description = "Only jobs with this status: queued, leased, succeeded, failed or cancelled" };
        return host.Command("list", "List a model's evaluation jobs, newest first", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(status);
        }, async (parse, cli, ct) =>
        {
            var text = parse.GetValue(model)!;
            ModelId id;
            int? version = null;
            if (text.Contains('@', StringComparison.Ordinal))
            {
                (id, var number) = ModelRefArgument.ParseModelVersion(text);
                version = number;
            }
            else
            {
                id = ModelRefArgument.ParseModel(text);
            }

            var wanted = parse.GetValue(status) is { } s ? EvaluationArguments.ParseStatus(s) : (Evaluations.JobStatus?)null;
            var list = await cli.Client.ListEvaluationsAsync(id, version, wanted, ct);
            if (cli.Json)
            {
                cli.WriteJson(list);
                return ExitCodes.Success;
            }

            var table = cli.Wide
                ? new TextTable(new("job"), new("version"), new("suite"), new("hardware"), TextColumn.Text("status"), TextColumn.Number("attempt"), TextColumn.Text("worker"), new("submitted"), TextColumn.Text("by"), new("completed"))
                : new TextTable(new("job"), TextColumn.Number("version"), new("suite"), TextColumn.Text("status"), new("submitted"));
            foreach (var job in list.Items)
            {
                var submitted = job.SubmittedAt.ToString("u", CultureInfo.InvariantCulture);
                var state = TerminalText.Safe(EvaluationText.State(job));
                if (cli.Wide)
                {
                    table.AddRow(job.Id.ToString("D"), TerminalText.Safe($"{job.Spec.Model}@{job.Spec.Version.ToString(CultureInfo.InvariantCulture)}"), TerminalText.Safe(job.Spec.SuiteId), job.Spec.HardwareClass, state,
                        job.Attempt.ToString(CultureInfo.InvariantCulture), TerminalText.Safe(job.Worker ?? "-"), submitted, TerminalText.Safe(job.Spec.Requester), job.CompletedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
                }
                else
                {
                    // The model is the one asked for; its version number is what tells the rows apart.
                    table.AddRow(job.Id.ToString("D"), job.Spec.Version.ToString(CultureInfo.InvariantCulture), TerminalText.Safe(job.Spec.SuiteId), state, submitted);
                }
            }

            cli.WriteLine($"{(version is { } n ? $"{id}@{n.ToString(CultureInfo.InvariantCulture)}" : id.ToString())}: {list.Total} job(s){(list.Total > list.Items.Count ? $", the newest {list.Items.Count} shown" : string.Empty)}");
            if (list.Items.Count > 0)
            {
                cli.Write(table);
            }
            return ExitCodes.Success;
        });
    }

    private static Command Logs(CliHost host)
    {
        var job = new Argument<string>("job-id") { Description = "The job's id" };
        return host.Command("logs", "Print the log of a job's runs (its submitter, the model's publisher or an admin)", c => c.Arguments.Add(job), async (parse, cli, ct) =>
        {
            var log = await cli.Client.GetEvaluationLogAsync(EvaluationArguments.ParseJobId(parse.GetValue(job)!), ct);
            if (cli.Json)
            {
                cli.WriteJson(log);
                return ExitCodes.Success;
            }

            foreach (var line in log.Lines)
            {
                cli.WriteLine(line);
            }

            return ExitCodes.Success;
        });
    }

    private static Command Cancel(CliHost host)
    {
        var job = new Argument<string>("job-id") { Description = "The job's id" };
        return host.Command("cancel", "Cancel a queued or running job; a finished job stays as it is", c => c.Arguments.Add(job), async (parse, cli, ct) =>
        {
            var view = await cli.Client.CancelEvaluationAsync(EvaluationArguments.ParseJobId(parse.GetValue(job)!), ct);
            if (cli.Json)
            {
                cli.WriteJson(view);
            }
            else
            {
                cli.WriteLine(EvaluationText.Line(view.Job));
            }

            return ExitCodes.Success;
        });
    }

    private static Command Suites(CliHost host)
    {
        var suite = new Argument<string?>("suite") { Description = "One suite's id, to show it with its data card", Arity = ArgumentArity.ZeroOrOne };
        return host.Command("suites", "List the hub's evaluation suites, or show one", c => c.Arguments.Add(suite), async (parse, cli, ct) =>
        {
            if (parse.GetValue(suite) is { } one)
            {
                var view = await cli.Client.GetSuiteAsync(one, ct);
                if (cli.Json)
                {
                    cli.WriteJson(view);
                    return ExitCodes.Success;
                }

                cli.WriteLine($"{view.Id}@{view.Version}  {view.Kind}, {view.Task}, {view.Execution}  digest {view.Digest}");
                cli.WriteLine(view.Description);
                cli.WriteLine($"artifacts: {string.Join(", ", view.Artifacts)}");
                if (view.DataCard is { } card)
                {
                    cli.WriteLine(string.Empty);
                    cli.Output.Write(card.EndsWith('\n') ? card : card + "\n");
                }

                return ExitCodes.Success;
            }

            var suites = await cli.Client.ListSuitesAsync(ct);
            if (cli.Json)
            {
                cli.WriteJson(suites);
                return ExitCodes.Success;
            }

            var width = suites.Count == 0 ? 0 : suites.Max(v => v.Id.Length);
            foreach (var s in suites)
            {
                cli.WriteLine($"{s.Id.PadRight(width)}  v{s.Version.ToString(CultureInfo.InvariantCulture)}  {s.Kind}, {s.Task}, {s.Execution}  {s.Digest[..12]}  {s.Description}");
            }

            return ExitCodes.Success;
        });
    }
}
