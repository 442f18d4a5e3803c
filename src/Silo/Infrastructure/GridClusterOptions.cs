using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>Configuration section <c>Grid:Cluster</c>: how silos find each other, where they listen, how fast they notice a dead one.</summary>
public sealed class GridClusterOptions : IValidatableObject
{
    public const string Section = "Grid:Cluster";

    public const string LocalhostProvider = "localhost";

    public const string AzureProvider = "azure";

    /// <summary><c>localhost</c> (one silo, the embedded default) or <c>azure</c> (Azure Table membership).</summary>
    [Required]
    public string Provider { get; set; } = LocalhostProvider;

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    [Required]
    public string ClusterId { get; set; } = "dev";

    [Required]
    public string ServiceId { get; set; } = "modelgrid";

    /// <summary>
    /// The address other silos reach this one at: an IP address, or a host name resolved to one at start. Unset means
    /// loopback, which is right for one host only; every silo of a cluster that spans hosts sets it.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Whether the silo and gateway ports listen on every interface rather than on the advertised address alone (containers, NAT).</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>How long a silo waits for a probe's answer before counting it missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many probes in a row a silo may miss before its prober votes it dead.</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How often each silo reads the membership table (the fallback when gossip does not reach it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo writes its I-am-alive time into the membership table.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan IAmAlivePublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not (LocalhostProvider or AzureProvider))
        {
            yield return new ValidationResult($"Grid:Cluster:Provider is '{Provider}'; use '{LocalhostProvider}' or '{AzureProvider}'", [nameof(Provider)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"Grid:Cluster:SiloPort and Grid:Cluster:GatewayPort are both {SiloPort}; give each its own port", [nameof(SiloPort), nameof(GatewayPort)]);
        }

        if (AdvertisedAddress is { } address && (address.Length == 0 || address.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult($"Grid:Cluster:AdvertisedAddress '{address}' is neither an IP address nor a host name", [nameof(AdvertisedAddress)]);
        }
    }
}
