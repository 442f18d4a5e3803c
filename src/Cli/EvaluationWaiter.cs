using System.Diagnostics;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluations;
using Spectre.Console;

namespace ModelGrid.Client.Cli;

/// <summary>
/// Waits for evaluation jobs by polling the hub: a live status line per job on a terminal, quiet otherwise. The jobs
/// run elsewhere, so polling the job's own record is the signal there is.
/// </summary>
public static class EvaluationWaiter
{
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The jobs as they stood when all were final or <paramref name="timeout"/> passed.</summary>
    public static async Task<IReadOnlyList<JobSnapshot>> WaitAsync(CliContext cli, IReadOnlyList<JobSnapshot> jobs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(jobs);
        var current = jobs.ToArray();
        var clock = Stopwatch.StartNew();
        if (!cli.ShowsProgress)
        {
            while (!await PollAsync(cli, current, clock, timeout, cancellationToken))
            {
                await Task.Delay(PollInterval, cancellationToken);
            }

            return current;
        }

        await cli.Console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var lines = current.Select(j => context.AddTask(TerminalText.Markup(EvaluationText.Line(j)), maxValue: 1)).ToArray();
                while (true)
                {
                    var done = await PollAsync(cli, current, clock, timeout, cancellationToken);
                    for (var i = 0; i < current.Length; i++)
                    {
                        lines[i].Description = TerminalText.Markup(EvaluationText.Line(current[i]));
                        if (current[i].IsFinal && !lines[i].IsFinished)
                        {
                            lines[i].Value = 1;
                            lines[i].StopTask();
                        }
                    }

                    if (done)
                    {
                        return;
                    }

                    await Task.Delay(PollInterval, cancellationToken);
                }
            });
        return current;
    }

    /// <summary>Throws the one-line failure when a job did not succeed: failed or cancelled (9), else still running (10).</summary>
    public static void EnsureSucceeded(IReadOnlyList<JobSnapshot> jobs, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var failed = jobs.Where(j => j.Status is JobStatus.Failed or JobStatus.Cancelled).ToList();
        if (failed.Count > 0)
        {
            var first = failed[0];
            var more = failed.Count > 1 ? $" (and {failed.Count - 1} more that did not succeed)" : string.Empty;
            throw new CliException($"evaluation {first.Id:D} of {first.Spec.Model}@{first.Spec.Version} on {first.Spec.SuiteId} {EvaluationText.State(first)}{more}", ExitCodes.EvaluationFailed);
        }

        var open = jobs.Where(j => !j.IsFinal).ToList();
        if (open.Count > 0)
        {
            throw new CliException(
                $"{open.Count} of {jobs.Count} evaluation(s) had not finished after {timeout}: {string.Join(", ", open.Select(j => $"{j.Id:D} {EvaluationText.State(j)}"))}; wait again with 'grid eval wait'",
                ExitCodes.TimedOut);
        }
    }

    private static async Task<bool> PollAsync(CliContext cli, JobSnapshot[] jobs, Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var i = 0; i < jobs.Length; i++)
        {
            if (!jobs[i].IsFinal)
            {
                jobs[i] = (await cli.Client.GetEvaluationAsync(jobs[i].Id, withResult: false, cancellationToken)).Job;
            }
        }

        return jobs.All(j => j.IsFinal) || clock.Elapsed >= timeout;
    }
}
