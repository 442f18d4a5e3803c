using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Silo.Operations;

/// <summary>
/// Ready while the blob store answers: one metadata read of a name that need not exist, within
/// <c>Grid:Operations:StorageProbeTimeout</c>. A store that refuses, fails or stays silent makes the silo not ready.
/// </summary>
public sealed partial class StorageHealthCheck(IBlobStore blobs, IOptions<OperationsOptions> options, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public const string Name = "storage";

    // Read, never written: the probe costs one metadata request and leaves nothing behind.
    private const string ProbeBlob = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.StorageProbeTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await blobs.GetInfoAsync(ProbeBlob, deadline.Token);
            return HealthCheckResult.Healthy("the blob store answers");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, $"no answer within {timeout.TotalSeconds:0.###} s");
            return HealthCheckResult.Unhealthy($"the blob store did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreachable(logger, e.GetType().Name);
            return HealthCheckResult.Unhealthy("the blob store cannot be reached");
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Readiness: the blob store cannot be reached ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
