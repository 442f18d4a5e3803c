using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ModelGrid.Silo.Operations;

/// <summary>Ready while this silo is an active member of its cluster: joining, shutting down or declared dead is not ready.</summary>
public sealed class MembershipHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public const string Name = "membership";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("this silo is an active cluster member")
            : HealthCheckResult.Unhealthy($"this silo is {status.ToString().ToLowerInvariant()} in its cluster, not active"));
    }
}
