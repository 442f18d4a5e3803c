using System.Globalization;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// The timings the test clusters run with, chosen so a dead worker's job moves within seconds and nothing is declared
/// dead merely because two cores are busy: leases of 5 s (renewed every 1.7 s), expired leases swept every second,
/// and a silo voted dead after two probes of 2 s missed, with the membership table read every 2 s.
/// </summary>
public static class ClusterSettings
{
    public const int LeaseSeconds = 5;

    public const int SweepSeconds = 1;

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public const int MissedProbesLimit = 2;

    public static readonly TimeSpan TableRefresh = TimeSpan.FromSeconds(2);

    /// <summary>How long a silo may take to start on a busy two-core machine.</summary>
    public static readonly TimeSpan SiloStart = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Past the lease, the most a dead worker's job may take to succeed elsewhere: membership declaring the silo dead
    /// (three probe timeouts and a table refresh, 8 s), the sweep, a run of the slow suite (several seconds) and its card,
    /// with room for a loaded machine.
    /// </summary>
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(90);

    /// <summary>The environment every silo of a test cluster shares.</summary>
    public static Dictionary<string, string?> Environment(string connectionString, string clusterId, string adminToken, string suitesPath) => new()
    {
        ["Grid__Storage__Provider"] = "azure",
        ["Grid__Storage__ConnectionString"] = connectionString,
        ["Grid__Cluster__Provider"] = "azure",
        ["Grid__Cluster__ClusterId"] = clusterId,
        ["Grid__Cluster__ProbeTimeout"] = ProbeTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["Grid__Cluster__MissedProbesLimit"] = MissedProbesLimit.ToString(CultureInfo.InvariantCulture),
        ["Grid__Cluster__TableRefreshTimeout"] = TableRefresh.ToString("c", CultureInfo.InvariantCulture),
        ["Grid__Auth__AdminToken"] = adminToken,
        ["Grid__Demo__Enabled"] = "false",
        ["Grid__Evaluation__SuitesPath"] = suitesPath,
        ["Grid__Evaluation__SubmissionsPerMinute"] = "100000",
        ["Grid__Jobs__LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["Grid__Jobs__SweepSeconds"] = SweepSeconds.ToString(CultureInfo.InvariantCulture),
        ["Grid__Jobs__WatchdogSeconds"] = "10",
        ["Grid__Jobs__FollowUpRetrySeconds"] = "10",
        ["Grid__Worker__MaxIdleDelay"] = "00:00:00.250",
        ["Grid__Artifacts__Mirrors__0"] = ModelGrid.Testing.TestArtifacts.MirrorFolder,
        ["Grid__Artifacts__Offline"] = "true",
        ["DOTNET_gcServer"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
