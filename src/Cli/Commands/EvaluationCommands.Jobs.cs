using System.CommandLine;
using System.Globalization;

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

            foreach (var job in list.Items)
            {
                cli.WriteLine($"{EvaluationText.Line(job)}  submitted {job.SubmittedAt.ToString("u", CultureInfo.InvariantCulture)} by {job.Spec.Requester}");
            }

            cli.WriteLine($"{list.Total} job(s)");
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
