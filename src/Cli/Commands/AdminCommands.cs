using System.CommandLine;
using System.Globalization;

namespace ModelGrid.Client.Cli.Commands;

/// <summary><c>grid admin check [--quarantine]</c>: the hub's check of its grain state records (admin).</summary>
public static class AdminCommands
{
    public static Command Build(CliHost host) => CliHost.Group("admin", "Look after the hub itself (admin token)", Check(host));

    private static Command Check(CliHost host)
    {
        var quarantine = new Option<bool>("--quarantine") { Description = "Move the damaged records aside, to quarantine/ beside them (their bytes are kept)" };
        return host.Command("check", "Read every grain state record and list the damaged ones; exit 11 while any is left in place", c => c.Options.Add(quarantine), async (parse, cli, ct) =>
        {
            var report = await cli.Client.CheckStateAsync(parse.GetValue(quarantine), ct);
            var remaining = report.Damaged.Count(d => d.QuarantinedTo is null);
            if (cli.Json)
            {
                cli.WriteJson(report);
                return remaining == 0 ? ExitCodes.Success : ExitCodes.DamagedState;
            }

            var count = report.Scanned.ToString(CultureInfo.InvariantCulture);
            cli.WriteLine(report.Damaged.Count == 0
                ? $"checked {count} state records in {report.Store}: none damaged"
                : $"checked {count} state records in {report.Store}: {report.Damaged.Count.ToString(CultureInfo.InvariantCulture)} damaged");
            foreach (var damaged in report.Damaged)
            {
                cli.WriteLine($"{damaged.Record} {damaged.Problem}");
                if (damaged.QuarantinedTo is not null)
                {
                    cli.WriteLine($"  moved to {damaged.QuarantinedTo}");
                }
            }

            if (remaining > 0)
            {
                cli.WriteLine("their grains fail until the records are repaired; 'grid admin check --quarantine' moves them aside");
            }

            return remaining == 0 ? ExitCodes.Success : ExitCodes.DamagedState;
        });
    }
}
