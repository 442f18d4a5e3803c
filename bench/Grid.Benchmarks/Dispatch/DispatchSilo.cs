using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelGrid.Grains.Evaluations;
using ModelGrid.Serialization;
using ModelGrid.Silo.Worker;
using ModelGrid.Storage;
using ModelGrid.Testing;
using Orleans.Configuration;
using Orleans.Serialization;

namespace ModelGrid.Benchmarks.Dispatch;

/// <summary>
/// One real silo in this process: Generic Host, <c>UseOrleans</c> with localhost clustering on free ports (or the
/// clustering a <see cref="DispatchSiloSetup"/> gives), the grid's storage and grains, the submitter, and the real
/// <see cref="EvaluationWorker"/> with the no-op executor (or the setup's) — created and started only when asked, so
/// the queue can be filled first.
/// </summary>
internal sealed class DispatchSilo : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly IHost _host;
    private EvaluationWorker? _worker;

    private DispatchSilo(IHost host) => _host = host;

    public EvaluationSubmitter Submitter => _host.Services.GetRequiredService<EvaluationSubmitter>();

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static Task<DispatchSilo> StartAsync(StorageOptions storage, int partitions, int loops, DispatchProbe probe, CancellationToken cancellationToken)
    {
        var ports = FreePorts.Take(2);
        return StartAsync(
            new DispatchSiloSetup(
                storage,
                partitions,
                loops,
                "dispatch-bench",
                probe,
                sp => new NoOpJobExecutor(probe, sp.GetRequiredService<TimeProvider>()),
                silo =>
                {
                    silo.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = "dispatch-bench";
                        o.ServiceId = "modelgrid-dispatch-bench";
                    });
                    silo.UseLocalhostClustering(ports[0], ports[1], null, "modelgrid-dispatch-bench", "dispatch-bench");
                    if (storage.Provider != StorageNames.FileSystemProvider)
                    {
                        // The embedded store keeps reminders in its folder (AddGridStorage); one silo on Azure storage keeps
                        // them in memory, as the host does. The queue's lease watchdog and the jobs' follow-ups need them.
                        silo.UseInMemoryReminderService();
                    }

                    silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = new JobOptions().ShortestReminderPeriod);
                }),
            cancellationToken);
    }

    /// <summary>Starts a silo as <paramref name="setup"/> says: its clustering, storage, worker loops and executor.</summary>
    public static async Task<DispatchSilo> StartAsync(DispatchSiloSetup setup, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        // Warnings only: the worker logs two lines per job at Information, which is console cost, not dispatch. On
        // standard error: a worker process's standard output carries its reports.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // The bench publishes no versions, so each job's follow-up is refused once with a warning: that delivery
        // call is part of a job's cost and stays measured, but its console line is not dispatch either.
        builder.Logging.AddFilter(typeof(EvaluationJobGrain).FullName, LogLevel.Error);
        setup.Logging?.Invoke(builder.Logging);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<JobOptions>().Configure(o =>
        {
            o.Partitions = setup.Partitions;
            setup.Jobs?.Invoke(o);
        }).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkerOptions>().Configure(o =>
        {
            o.Slots = setup.Loops;
            o.Gpu = false;
            o.WorkerId = setup.WorkerId;
        }).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvaluationSubmitter>();
        services.AddSingleton<IWorkerCapabilitiesProvider, ConfiguredWorkerCapabilities>();
        services.AddSingleton(setup.Executor);

        // The bench's executors name no folder of the worker, so there is nothing to redact.
        services.AddSingleton(new PathRedactor([]));
        services.AddOptions<WorkerBackoffOptions>();
        services.AddSingleton<WorkerBackoff>();
        builder.UseOrleans(silo =>
        {
            if (setup.Storage is { } storage)
            {
                silo.AddGridStorage(storage);
            }

            setup.Cluster(silo);
            silo.Services.AddSerializer(serializer => serializer.AddGridSerialization());
            silo.AddOutgoingGrainCallFilter(new GrainCallTimer(setup.Observer));
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new DispatchSilo(host);
    }

    /// <summary>Creates and starts the worker service, as the host would have at start-up; with <paramref name="loops"/> loops instead of the configured ones if given.</summary>
    public async Task StartWorkerAsync(CancellationToken cancellationToken, int? loops = null)
    {
        if (loops is { } count)
        {
            var configured = _host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value;
            var options = Options.Create(new WorkerOptions { Slots = count, Gpu = configured.Gpu, WorkerId = configured.WorkerId });
            _worker = ActivatorUtilities.CreateInstance<EvaluationWorker>(_host.Services, options);
        }
        else
        {
            _worker = ActivatorUtilities.CreateInstance<EvaluationWorker>(_host.Services);
        }

        await _worker.StartAsync(cancellationToken);
    }

    public async Task StopWorkerAsync()
    {
        if (_worker is { } worker)
        {
            _worker = null;
            using var timeout = new CancellationTokenSource(StopTimeout);
            await worker.StopAsync(timeout.Token);
            worker.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopWorkerAsync();
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
