using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>Configuration section <c>Grid:Cluster</c>: how silos find each other.</summary>
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not (LocalhostProvider or AzureProvider))
        {
            yield return new ValidationResult($"Grid:Cluster:Provider is '{Provider}'; use '{LocalhostProvider}' or '{AzureProvider}'", [nameof(Provider)]);
        }
    }
}
