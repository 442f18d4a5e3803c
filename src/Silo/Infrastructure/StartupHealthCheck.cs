using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>Healthy once the silo has started and its start-up work is done.</summary>
public sealed class StartupHealthCheck(StartupGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gate.IsReady ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy("starting"));
}
