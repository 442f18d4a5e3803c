using Microsoft.Extensions.Options;
using ModelGrid.Evaluations;
using ModelGrid.Grains.Evaluations;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Tells the grid's <see cref="IWorkerRegistryGrain"/> that this worker is connected, with its capabilities: at start,
/// then every third of a lease; and that it leaves when the silo stops. Submissions read it to say when a job needs
/// a GPU that no connected worker has.
/// </summary>
public sealed partial class WorkerRegistration(
    IGrainFactory grains,
    IWorkerCapabilitiesProvider capabilities,
    IOptions<JobOptions> jobOptions,
    TimeProvider time,
    ILogger<WorkerRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = capabilities.Get();
        var registry = grains.GetGrain<IWorkerRegistryGrain>(0);
        using var timer = new PeriodicTimer(jobOptions.Value.Lease / 3, time);
        var first = true;
        try
        {
            do
            {
                try
                {
                    await registry.Heartbeat(worker);
                    if (first)
                    {
                        LogJoined(logger, worker.WorkerId, worker.Gpu);
                        first = false;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A missed heartbeat only makes the worker look gone for a while; the next tick tries again.
                    LogHeartbeatFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo stops; StopAsync says goodbye.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await grains.GetGrain<IWorkerRegistryGrain>(0).Leave(capabilities.Get().WorkerId).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the goodbye the worker still stops counting once a lease's length has passed.
            LogHeartbeatFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information, Message = "Worker {WorkerId} joined the grid (GPU: {Gpu})")]
    private static partial void LogJoined(ILogger logger, string workerId, bool gpu);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Telling the grid that this worker is connected failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
