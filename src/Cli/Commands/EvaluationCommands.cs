using System.CommandLine;
using ModelGrid.Api;
using ModelGrid.Client.Cli.Evaluation;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;

namespace ModelGrid.Client.Cli.Commands;

/// <summary>
/// <c>grid eval submit|status|list|wait|logs|cancel|suites</c> against a hub, <c>grid eval explain</c>, and <c>grid eval --local</c>, which
/// runs a suite folder on a model file on this machine and prints the same report a submitted job's result gives.
/// </summary>
public static partial class EvaluationCommands
{
    private const string DefaultTimeout = "10m";

    public static Command Build(CliHost host)
    {
        var local = new Option<string?>("--local") { Description = "Run a suite on this ONNX file here, without a hub (needs --suite <folder>)" };
        var suite = new Option<string?>("--suite") { Description = "With --local: the suite's folder, e.g. eval-suites/compas-recidivism" };
        var warnings = WarningsOption();
        var eval = host.Command("eval", "Evaluate model versions on the hub's suites, or a model file locally", c =>
        {
            c.Options.Add(local);
            c.Options.Add(suite);
            c.Options.Add(warnings);
            foreach (var child in new[] { Submit(host), Status(host), List(host), Wait(host), Logs(host), Cancel(host), Suites(host), Explain(host) })
            {
                c.Subcommands.Add(child);
            }
        }, async (parse, cli, ct) =>
        {
            if (parse.GetValue(local) is not { } model)
            {
                throw new CliException("use a subcommand (submit, status, list, wait, logs, cancel, suites, explain) or --local <model.onnx> --suite <folder>; see 'grid eval --help'");
            }

            var folder = parse.GetValue(suite) ?? throw new CliException("--local needs --suite <folder>, e.g. --suite eval-suites/compas-recidivism");
            // The runner's steps are for someone watching; a script gets the report, or one error line.
            var log = cli.Json || Console.IsErrorRedirected ? TextWriter.Null : cli.Error;
            var report = await LocalEvaluation.RunAsync(model, folder, LocalArtifactSettings.FromEnvironment(), line => log.WriteLine(line), ct);
            if (cli.Json)
            {
                cli.Output.Write(System.Text.Encoding.UTF8.GetString(EvaluationJson.Serialize(report)));
                cli.Output.WriteLine();
            }
            else
            {
                cli.Output.Write(EvaluationText.Report(report, parse.GetValue(warnings), cli.Wide, cli.LayoutWidth));
            }

            return ExitCodes.Success;
        });
        return eval;
    }

    private static Command Submit(CliHost host)
    {
        var model = new Argument<string>("model") { Description = "owner/name[@ref] (default: latest)" };
        var suite = new Option<string>("--suite") { Description = "The suite's id (see 'grid eval suites')", Required = true };
        var force = new Option<bool>("--force") { Description = "Run again even when the same files and suite have a result" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the job to finish, then print its result" };
        var timeout = new Option<string>("--timeout") { Description = "With --wait: how long to wait, e.g. 90s, 10m, 1h", DefaultValueFactory = _ => DefaultTimeout };
        var warnings = WarningsOption();
        return host.Command("submit", "Submit a version to a suite; a duplicate gets the existing job and its result", c =>
        {
            c.Arguments.Add(model);
            c.Options.Add(suite);
            c.Options.Add(force);
            c.Options.Add(wait);
            c.Options.Add(timeout);
            c.Options.Add(warnings);
        }, async (parse, cli, ct) =>
        {
            var (id, reference) = ModelRefArgument.ParseModelRef(parse.GetValue(model)!);
            var limit = EvaluationArguments.ParseDuration(parse.GetValue(timeout)!);
            var view = await cli.Client.SubmitEvaluationAsync(new SubmitEvaluationRequest(id.ToString(), parse.GetValue(suite)!, reference, parse.GetValue(force)), ct);
            if (!parse.GetValue(wait))
            {
                if (cli.Json)
                {
                    cli.WriteJson(view);
                }
                else
                {
                    cli.WriteLine($"{Outcome(view)} {EvaluationText.Line(view.Job)}");
                    WriteWarnings(cli, view);
                }

                return ExitCodes.Success;
            }

            if (!cli.Json)
            {
                cli.WriteLine($"{Outcome(view)} {view.Job.Id:D}: {view.Job.Spec.Model}@{view.Job.Spec.Version} on {view.Job.Spec.SuiteId}");
                WriteWarnings(cli, view);
            }

            return await WaitAndShowAsync(cli, view, limit, parse.GetValue(warnings), ct);
        });
    }

    private static Command Status(CliHost host)
    {
        var job = new Argument<string>("job-id") { Description = "The job's id" };
        var warnings = WarningsOption();
        return host.Command("status", "Show a job: status, attempt, worker, failure reason, and its result when it succeeded", c =>
        {
            c.Arguments.Add(job);
            c.Options.Add(warnings);
        }, async (parse, cli, ct) =>
        {
            var view = await cli.Client.GetEvaluationAsync(EvaluationArguments.ParseJobId(parse.GetValue(job)!), withResult: true, ct);
            Show(cli, view, parse.GetValue(warnings));
            return ExitCodes.Success;
        });
    }

    private static Command Wait(CliHost host)
    {
        var jobs = new Argument<string[]>("job-id") { Description = "The jobs' ids", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<string>("--timeout") { Description = "How long to wait, e.g. 90s, 10m, 1h", DefaultValueFactory = _ => DefaultTimeout };
        return host.Command("wait", "Wait until jobs finish; exit 0 when every one succeeded", c =>
        {
            c.Arguments.Add(jobs);
            c.Options.Add(timeout);
        }, async (parse, cli, ct) =>
        {
            var ids = parse.GetValue(jobs)!.Select(EvaluationArguments.ParseJobId).Distinct().ToList();
            var limit = EvaluationArguments.ParseDuration(parse.GetValue(timeout)!);
            var start = new List<JobSnapshot>();
            foreach (var id in ids)
            {
                start.Add((await cli.Client.GetEvaluationAsync(id, withResult: false, ct)).Job);
            }

            var final = await EvaluationWaiter.WaitAsync(cli, start, limit, ct);
            if (cli.Json)
            {
                cli.WriteJson(final);
            }
            else if (!cli.ShowsProgress)
            {
                foreach (var snapshot in final)
                {
                    cli.WriteLine(EvaluationText.Line(snapshot));
                }
            }

            EvaluationWaiter.EnsureSucceeded(final, limit);
            return ExitCodes.Success;
        });
    }

    private static async Task<int> WaitAndShowAsync(CliContext cli, EvaluationView submitted, TimeSpan timeout, bool allWarnings, CancellationToken ct)
    {
        var view = submitted;
        if (!view.Job.IsFinal)
        {
            var final = await EvaluationWaiter.WaitAsync(cli, [view.Job], timeout, ct);
            view = final[0].Status == JobStatus.Succeeded
                ? await cli.Client.GetEvaluationAsync(view.Job.Id, withResult: true, ct)
                : view with { Job = final[0] };
        }
        else if (view.Job.Status == JobStatus.Succeeded && view.Result is null)
        {
            view = await cli.Client.GetEvaluationAsync(view.Job.Id, withResult: true, ct);
        }

        Show(cli, view with { Deduplicated = submitted.Deduplicated }, allWarnings);
        EvaluationWaiter.EnsureSucceeded([view.Job], timeout);
        return ExitCodes.Success;
    }

    private static void Show(CliContext cli, EvaluationView view, bool allWarnings)
    {
        if (cli.Json)
        {
            cli.WriteJson(view);
        }
        else
        {
            cli.Output.Write(EvaluationText.Status(view.Job, view.Result, view.Warnings, allWarnings, cli.Wide, cli.LayoutWidth));
        }
    }

    private static Option<bool> WarningsOption() =>
        new("--warnings") { Description = "List every warning of the result, not only the summary by kind" };

    /// <summary>What a submission got: an existing job, a reused result on a new job, or a new job to run.</summary>
    private static string Outcome(EvaluationView view) =>
        view.Deduplicated ? "deduplicated" : view.Job.ResultReused ? "reused" : "submitted";

    private static void WriteWarnings(CliContext cli, EvaluationView view)
    {
        foreach (var warning in view.Warnings ?? [])
        {
            cli.Error.WriteLine($"warning: {warning}");
        }
    }
}
