using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Storage;

/// <summary>Configuration section <c>Grid:Storage</c>: where blobs and grain state live.</summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The section's path.</summary>
    public const string Section = "Grid:Storage";

    /// <summary><c>filesystem</c> (the embedded default) or <c>azure</c>.</summary>
    [Required]
    public string Provider { get; set; } = StorageNames.FileSystemProvider;

    /// <summary>The data folder of the embedded store (blobs, state, staging); also holds the generated admin token.</summary>
    [Required]
    public string Path { get; set; } = "./.grid-data";

    /// <summary>The Azure Storage (or Azurite) connection string, for blobs and tables.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether the embedded store flushes every write to disk before it counts as done.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>The data folder as a full path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is not (StorageNames.FileSystemProvider or StorageNames.AzureProvider))
        {
            yield return new ValidationResult(
                $"Grid:Storage:Provider is '{Provider}'; use '{StorageNames.FileSystemProvider}' or '{StorageNames.AzureProvider}'",
                [nameof(Provider)]);
        }

        if (Provider == StorageNames.AzureProvider && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Grid:Storage:Provider is 'azure' but Grid:Storage:ConnectionString is not set",
                [nameof(ConnectionString)]);
        }
    }
}
