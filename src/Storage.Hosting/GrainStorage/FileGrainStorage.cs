using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelGrid.Storage.Blobs;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// The embedded default's Orleans grain storage: one JSON record per grain and state name under the data folder,
/// with the semantics of Orleans' Azure blob provider (orleans-notes §1.1): the first write creates only, later
/// writes replace only the version they read (ETag), a conflict throws <see cref="InconsistentStateException"/>,
/// a missing record reads as a new state, and every write — even of the same bytes — gets a new ETag. A record
/// that exists but cannot be read (empty, cut short, not JSON, JSON of another shape) throws
/// <see cref="DamagedStateException"/> naming it; a cleared state is deleted, or marked with
/// <see cref="StateRecordCheck.ClearedMarker"/> when records are kept, so it is never confused with damage.
/// </summary>
public sealed partial class FileGrainStorage : IGrainStorage
{
    private readonly string _name;
    private readonly FileGrainStorageOptions _options;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<FileGrainStorage> _logger;
    private readonly FileSystemBlobStore _records;

    /// <summary>Creates the provider named <paramref name="name"/>.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="options">Folder, durability and serializer.</param>
    /// <param name="activators">Creates empty states.</param>
    /// <param name="logger">The log.</param>
    public FileGrainStorage(string name, FileGrainStorageOptions options, IActivatorProvider activators, ILogger<FileGrainStorage> logger)
    {
        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            throw new ArgumentException($"the file grain storage '{name}' has no root directory", nameof(options));
        }

        _name = name;
        _options = options;
        _activators = activators;
        _logger = logger;
        _records = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = options.RootDirectory, Durable = options.Durable });
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = RecordName(stateName, grainId);
        await using var reader = await _records.OpenReadAsync(record);
        if (reader is null)
        {
            grainState.State = _activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        using var buffer = new MemoryStream((int)reader.Info.Length);
        await reader.Content.CopyToAsync(buffer);
        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (content.Span.SequenceEqual(StateRecordCheck.ClearedMarker))
        {
            grainState.State = _activators.GetActivator<T>().Create();
            grainState.ETag = reader.Info.ETag;
            grainState.RecordExists = false;
            return;
        }

        // A cleared state is deleted or marked, so an empty record was cut short (a crash, a full disk): damage, not
        // a new state that a create would then overwrite while the grain's other records still refer to the old one.
        if (content.IsEmpty)
        {
            throw Damaged(record, StateRecordCheck.Empty, grainId);
        }

        T? state;
        try
        {
            state = _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(content));
        }
        catch (JsonException e)
        {
            throw Damaged(record, StateRecordCheck.DescribeFailure(content.Span, e, typeof(T)), grainId);
        }

        grainState.State = state ?? throw Damaged(record, StateRecordCheck.NullState(typeof(T)), grainId);
        grainState.ETag = reader.Info.ETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = RecordName(stateName, grainId);
        var content = _options.GrainStorageSerializer.Serialize(grainState.State);
        try
        {
            var written = await _records.PutAsync(record, content.ToMemory(), WriteCondition.ForETag(grainState.ETag));
            grainState.ETag = written.ETag;
            grainState.RecordExists = true;
        }
        catch (BlobConditionFailedException e)
        {
            throw await ConflictAsync(record, "write", grainState.ETag, e);
        }
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = RecordName(stateName, grainId);
        try
        {
            if (_options.DeleteStateOnClear)
            {
                if (string.IsNullOrEmpty(grainState.ETag))
                {
                    // Without an ETag the caller believes there is no record: clearing is a no-op unless one appeared.
                    if (await _records.GetInfoAsync(record) is not null)
                    {
                        throw new BlobConditionFailedException(record);
                    }
                }
                else
                {
                    await _records.DeleteAsync(record, grainState.ETag);
                }

                grainState.ETag = null;
            }
            else
            {
                var written = await _records.PutAsync(record, StateRecordCheck.ClearedMarker.ToArray(), WriteCondition.ForETag(grainState.ETag));
                grainState.ETag = written.ETag;
            }
        }
        catch (BlobConditionFailedException e)
        {
            throw await ConflictAsync(record, "clear", grainState.ETag, e);
        }

        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    private static string RecordName(string stateName, GrainId grainId) =>
        StateRecordNames.For(stateName, grainId.Type.ToString()!, grainId.Key.ToString()!);

    // Not logged here: Orleans logs every failed read with the exception's message.
    private static DamagedStateException Damaged(string record, string problem, GrainId grainId) =>
        new(record, problem, grainId.Type.ToString()!, grainId.Key.ToString()!);

    private async Task<InconsistentStateException> ConflictAsync(string record, string operation, string? expected, Exception inner)
    {
        var current = (await _records.GetInfoAsync(record))?.ETag;
        LogConflict(_logger, _name, operation, record, expected, current);
        return new InconsistentStateException(
            $"the state record '{record}' changed since it was read (ETag {expected ?? "none"}, now {current ?? "none"})",
            current ?? "Unknown",
            expected ?? "none",
            inner);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Grain storage {Provider}: {Operation} of {Record} conflicts (expected ETag {Expected}, current {Current})")]
    private static partial void LogConflict(ILogger logger, string provider, string operation, string record, string? expected, string? current);
}
