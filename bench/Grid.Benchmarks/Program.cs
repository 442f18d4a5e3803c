using System.CommandLine;
using System.Runtime.Versioning;
using ModelGrid.Benchmarks.Api;
using ModelGrid.Benchmarks.Cluster;
using ModelGrid.Benchmarks.Dispatch;
using ModelGrid.Benchmarks.Fairness;
using ModelGrid.Benchmarks.Generation;
using ModelGrid.Benchmarks.Hub;
using ModelGrid.Benchmarks.Simulation;
using ModelGrid.Benchmarks.Throughput;
using ModelGrid.Benchmarks.Web;

// The benchmarks read /proc and start Debian's nginx: Linux only.
[assembly: SupportedOSPlatform("linux")]

if (!OperatingSystem.IsLinux())
{
    await Console.Error.WriteLineAsync("error: the benchmarks run on Linux only (they read /proc and start nginx)");
    return 2;
}

var root = new RootCommand("ModelGrid benchmarks: end-to-end measurements of the hub and the evaluation code against reference tools");
root.Subcommands.Add(HubCommand.Build());
root.Subcommands.Add(ThroughputCommand.Build());
root.Subcommands.Add(FairnessCommand.Build());
root.Subcommands.Add(DispatchCommand.Build());
root.Subcommands.Add(ApiLoadCommand.Build());
root.Subcommands.Add(GenerationCommand.Build());
root.Subcommands.Add(ClusterDispatchCommand.Build());
root.Subcommands.Add(ClusterDispatchCommand.BuildWorker());
root.Subcommands.Add(SimulationCommand.Build());
root.Subcommands.Add(PagesCommand.Build());

// The commands handle SIGINT/SIGTERM themselves, so their cleanup (stopping servers and silos, deleting files) can finish.
return await root.Parse(args.Length == 0 ? ["--help"] : args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
