using System.Globalization;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// The grain state records of the configured provider seen as blobs, for what the providers do not offer: listing
/// the records of one kind (to rebuild the catalogue), checking every record (the start-up scan and
/// <c>grid admin check</c>), and moving a damaged record aside. On the embedded store the records are
/// <c>state/…</c> under the data folder; on Azure they are the blobs of Orleans' container <c>grainstate</c>.
/// A quarantined record is copied to <c>quarantine/{time}/…</c> in the same store before the original is deleted,
/// and the original is deleted only if it is still the content that was copied: nothing is ever lost.
/// </summary>
public sealed class GrainStateRecords
{
    /// <summary>The prefix of quarantined records, beside the state records.</summary>
    public const string QuarantinePrefix = "quarantine/";

    private readonly IBlobStore _store;
    private readonly string _statePrefix;
    private readonly string _displayPrefix;
    private readonly bool _escaped;
    private readonly TimeProvider _time;

    private GrainStateRecords(IBlobStore store, string statePrefix, string displayPrefix, bool escaped, string location, TimeProvider time)
    {
        _store = store;
        _statePrefix = statePrefix;
        _displayPrefix = displayPrefix;
        _escaped = escaped;
        Location = location;
        _time = time;
    }

    /// <summary>Where the records are, e.g. "folder /srv/grid/state" or "Azure container grainstate".</summary>
    public string Location { get; }

    /// <summary>The records of <see cref="FileGrainStorage"/>: <c>state/…</c> in the folder store of the data folder.</summary>
    /// <param name="store">The folder store whose root is the data folder.</param>
    /// <param name="dataFolder">The data folder, for reports.</param>
    /// <param name="time">The clock that names quarantine folders.</param>
    public static GrainStateRecords ForFolder(IBlobStore store, string dataFolder, TimeProvider time) =>
        new(store, StateRecordNames.Prefix, string.Empty, escaped: true, $"folder {Path.Combine(dataFolder, "state")}", time);

    /// <summary>The records of Orleans' Azure blob grain storage: <c>{stateName}-{grainId}.json</c> in its container.</summary>
    /// <param name="container">The store of the grain state container.</param>
    /// <param name="containerName">The container's name.</param>
    /// <param name="time">The clock that names quarantine folders.</param>
    public static GrainStateRecords ForAzureContainer(IBlobStore container, string containerName, TimeProvider time) =>
        new(container, string.Empty, containerName + "/", escaped: false, $"Azure container {containerName}", time);

    /// <summary>The blob that holds a grain's state.</summary>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainId">The grain.</param>
    public string BlobName(string stateName, GrainId grainId) =>
        $"{KindPrefix(stateName, grainId.Type.ToString()!)}{Segment(grainId.Key.ToString()!)}.json";

    /// <summary>A blob's name as errors and reports give it (the container is named on Azure).</summary>
    /// <param name="blobName">The blob.</param>
    public string DisplayName(string blobName) => _displayPrefix + blobName;

    /// <summary>The keys of the grains of <paramref name="grainType"/> that have a <paramref name="stateName"/> record.</summary>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainType">The grain type.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async IAsyncEnumerable<string> ListKeysAsync(string stateName, string grainType, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = KindPrefix(stateName, grainType);
        await foreach (var blob in _store.ListAsync(prefix, cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                var segment = blob.Name[prefix.Length..^".json".Length];
                yield return _escaped ? StateRecordNames.Unescape(segment) : segment;
            }
        }
    }

    /// <summary>Reads every state record and reports those that are not one JSON value; optionally quarantines them.</summary>
    /// <param name="quarantine">Whether to move the damaged records aside.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<StateCheckResult> CheckAsync(bool quarantine, CancellationToken cancellationToken = default)
    {
        var scanned = 0;
        var damaged = new List<DamagedStateRecord>();
        await foreach (var blob in _store.ListAsync(_statePrefix, cancellationToken))
        {
            if (blob.Name.StartsWith(QuarantinePrefix, StringComparison.Ordinal) || await ReadAsync(blob.Name, cancellationToken) is not { } read)
            {
                continue;
            }

            scanned++;
            if (StateRecordCheck.FindProblem(read.Content) is { } problem)
            {
                var moved = quarantine ? await QuarantineAsync(blob.Name, cancellationToken) : null;
                damaged.Add(new DamagedStateRecord(DisplayName(blob.Name), read.Content.Length, problem, moved));
            }
        }

        return new StateCheckResult(Location, scanned, damaged);
    }

    /// <summary>
    /// Moves a record to <c>quarantine/{time}/…</c>: copies it (never over anything), then deletes the original if it
    /// still holds the copied content. Returns the copy's display name, or null when the record is gone or changed
    /// meanwhile (a changed record stays in place).
    /// </summary>
    /// <param name="blobName">The record's blob.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    public async Task<string?> QuarantineAsync(string blobName, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(blobName, cancellationToken) is not { } read)
        {
            return null;
        }

        var folder = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var target = $"{QuarantinePrefix}{folder}{(attempt == 1 ? string.Empty : "-" + attempt.ToString(CultureInfo.InvariantCulture))}/{blobName[_statePrefix.Length..]}";
            try
            {
                await _store.PutAsync(target, read.Content, WriteCondition.IfNotExistsCondition, cancellationToken);
            }
            catch (BlobConditionFailedException) when (attempt < 100)
            {
                continue;
            }

            try
            {
                await _store.DeleteAsync(blobName, read.ETag, cancellationToken);
            }
            catch (BlobConditionFailedException)
            {
                return null;
            }

            return DisplayName(target);
        }
    }

    /// <summary>The bytes of a record, or null when it does not exist.</summary>
    /// <param name="blobName">The record's blob.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<byte[]?> ReadContentAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await ReadAsync(blobName, cancellationToken))?.Content;

    private async Task<(byte[] Content, string ETag)?> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        await using var reader = await _store.OpenReadAsync(blobName, cancellationToken: cancellationToken);
        if (reader is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await reader.Content.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), reader.Info.ETag);
    }

    private string KindPrefix(string stateName, string grainType) => $"{_statePrefix}{Segment(stateName)}-{Segment(grainType)}/";

    private string Segment(string value) => _escaped ? StateRecordNames.Escape(value) : value;
}
