using Microsoft.Extensions.Logging;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>How a benchmark silo is built: its storage, queue partitions, worker loops and executor, and how it joins a cluster.</summary>
/// <param name="Storage">Grain state and blob storage; null when <paramref name="Cluster"/> registers its own.</param>
/// <param name="Partitions">Queue partitions per hardware class.</param>
/// <param name="Loops">Worker loops, once the worker is started.</param>
/// <param name="WorkerId">The name the worker gives in leases.</param>
/// <param name="Observer">Told of every call to the grid's grains the silo makes.</param>
/// <param name="Executor">The worker's executor.</param>
/// <param name="Cluster">Membership, endpoints and reminders (after the grid's storage is added, so it may replace what that registers).</param>
/// <param name="Jobs">More job options, if any.</param>
/// <param name="Logging">More logging filters, if any.</param>
internal sealed record DispatchSiloSetup(
    StorageOptions? Storage,
    int Partitions,
    int Loops,
    string WorkerId,
    IDispatchObserver Observer,
    Func<IServiceProvider, IJobExecutor> Executor,
    Action<ISiloBuilder> Cluster,
    Action<JobOptions>? Jobs = null,
    Action<ILoggingBuilder>? Logging = null);
