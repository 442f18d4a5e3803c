using Orleans.Storage;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>Settings of <see cref="FileGrainStorage"/>.</summary>
public sealed class FileGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The data folder; records go to <c>state/{stateName}-{grainType}/{key}.json</c> under it.</summary>
    public string RootDirectory { get; set; } = string.Empty;

    /// <summary>Whether every write is flushed to disk before it counts as done.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// Whether clearing deletes the record (true, as Orleans' blob provider does) or replaces it with a cleared marker.
    /// Unlike Orleans' provider the marker is not an empty record: an empty record is always damage.
    /// </summary>
    public bool DeleteStateOnClear { get; set; } = true;

    /// <inheritdoc />
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
