namespace ModelGrid.Storage;

/// <summary>The names storage is known by: providers, containers, the grain storage provider.</summary>
public static class StorageNames
{
    /// <summary>The value of <c>Grid:Storage:Provider</c> for the embedded folder store.</summary>
    public const string FileSystemProvider = "filesystem";

    /// <summary>The value of <c>Grid:Storage:Provider</c> for Azure Storage (or Azurite).</summary>
    public const string AzureProvider = "azure";

    /// <summary>The Orleans grain storage provider every ModelGrid grain uses.</summary>
    public const string GrainStorage = "grid";

    /// <summary>The blob container of hub content (files, manifests, cards, results, staging).</summary>
    public const string HubContainer = "modelgrid";

    /// <summary>The blob container of grain state on Azure.</summary>
    public const string GrainStateContainer = "grainstate";
}
