using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage;
using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Hub;

/// <summary>
/// Resumable uploads: a session record and an append-only staging blob under <c>uploads/{id}/</c>. Chunks are
/// appended at the offset the client names (which must be what the hub holds), so a broken upload continues
/// where it stopped. The last chunk verifies size and SHA-256 of the whole file and moves it into the
/// content-addressed store; a mismatch discards the upload.
/// </summary>
public sealed partial class UploadSessions(
    ContentAddressedStore content,
    IGrainFactory grains,
    IOptions<UploadOptions> options,
    TimeProvider time,
    ILogger<UploadSessions> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IBlobStore Blobs => content.Blobs;

    public async Task<UploadSessionInfo> StartAsync(ModelId model, int version, ManifestFile file, string createdBy, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var record = new UploadSessionRecord(id, model, version, file.Path, file.Size, file.Sha256, time.GetUtcNow(), createdBy);
        await Blobs.AppendAsync(HubLayout.UploadData(id), 0, Stream.Null, cancellationToken);
        await Blobs.PutAsync(HubLayout.UploadSession(id), JsonSerializer.SerializeToUtf8Bytes(record, Json), WriteCondition.IfNotExistsCondition, cancellationToken);
        return ToInfo(record, 0, complete: false);
    }

    public async Task<(UploadSessionRecord Record, long Offset)> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || !id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw NotFound(id);
        }

        await using var reader = await Blobs.OpenReadAsync(HubLayout.UploadSession(id), cancellationToken: cancellationToken)
            ?? throw NotFound(id);
        var record = await JsonSerializer.DeserializeAsync<UploadSessionRecord>(reader.Content, Json, cancellationToken)
            ?? throw new InvalidDataException($"upload session {id} is empty");
        var offset = (await Blobs.GetInfoAsync(HubLayout.UploadData(id), cancellationToken))?.Length ?? 0;
        return (record, offset);
    }

    /// <summary>
    /// The one answer for a session the caller cannot use, whether it never existed, is gone, or is someone else's:
    /// any difference would tell an outsider that a session exists.
    /// </summary>
    public static HubException NotFound(string id) =>
        HubException.NotFound("Upload not found", $"there is no upload session {id} (finished, aborted or swept)");

    public async Task<IReadOnlyList<UploadSessionInfo>> ListAsync(ModelId model, int version, CancellationToken cancellationToken)
    {
        var found = new List<UploadSessionInfo>();
        await foreach (var blob in Blobs.ListAsync(HubLayout.UploadsPrefix, cancellationToken))
        {
            if (!blob.Name.EndsWith("/session.json", StringComparison.Ordinal))
            {
                continue;
            }

            var id = blob.Name[HubLayout.UploadsPrefix.Length..^"/session.json".Length];
            try
            {
                var (record, offset) = await GetAsync(id, cancellationToken);
                if (record.Model == model && record.Version == version)
                {
                    found.Add(ToInfo(record, offset, complete: false));
                }
            }
            catch (HubException)
            {
                // Finished or swept while listing.
            }
        }

        return found;
    }

    /// <summary>Appends a chunk at <paramref name="offset"/>; on the last byte verifies and attaches the file.</summary>
    public async Task<UploadSessionInfo> AppendAsync(UploadSessionRecord record, long offset, long chunkLength, Stream chunk, CancellationToken cancellationToken)
    {
        if (chunkLength > options.Value.ChunkBytes)
        {
            throw new BadHttpRequestException($"a chunk may hold at most {options.Value.ChunkBytes} bytes", StatusCodes.Status413PayloadTooLarge);
        }

        if (offset + chunkLength > record.Size)
        {
            throw HubException.Invalid($"the chunk ends at byte {offset + chunkLength}, past the declared size {record.Size}");
        }

        long held;
        try
        {
            held = await Blobs.AppendAsync(HubLayout.UploadData(record.Id), offset, chunk, cancellationToken);
        }
        catch (BlobOffsetMismatchException e)
        {
            throw new UploadOffsetConflictException(record.Id, offset, e.Actual);
        }

        if (held < record.Size)
        {
            return ToInfo(record, held, complete: false);
        }

        return await CompleteAsync(record, cancellationToken);
    }

    public async Task<UploadSessionInfo> CompleteAsync(UploadSessionRecord record, CancellationToken cancellationToken)
    {
        var file = new ManifestFile(record.Path, record.Size, record.Sha256);
        try
        {
            await content.PromoteAsync(HubLayout.UploadData(record.Id), record.Size, record.Sha256, cancellationToken);
        }
        catch (ContentMismatchException)
        {
            await AbortAsync(record.Id, cancellationToken);
            throw;
        }

        await grains.GetGrain<IModelVersionGrain>(record.Model.VersionKey(record.Version)).MarkPresent(file);
        await Blobs.DeleteAsync(HubLayout.UploadSession(record.Id), cancellationToken: cancellationToken);
        LogCompleted(logger, record.Id, record.Model, record.Version, record.Path, record.Size);
        return ToInfo(record, record.Size, complete: true);
    }

    public async Task AbortAsync(string id, CancellationToken cancellationToken)
    {
        await Blobs.DeleteAsync(HubLayout.UploadData(id), cancellationToken: cancellationToken);
        await Blobs.DeleteAsync(HubLayout.UploadSession(id), cancellationToken: cancellationToken);
    }

    /// <summary>Deletes sessions untouched for longer than <see cref="UploadOptions.StaleAfter"/>; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.StaleAfter;
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var blob in Blobs.ListAsync(HubLayout.UploadsPrefix, cancellationToken))
        {
            var rest = blob.Name[HubLayout.UploadsPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var id = slash < 0 ? rest : rest[..slash];
            latest[id] = latest.TryGetValue(id, out var seen) && seen > blob.LastModified ? seen : blob.LastModified;
        }

        var swept = 0;
        foreach (var (id, touched) in latest.Where(p => p.Value < cutoff))
        {
            await foreach (var blob in Blobs.ListAsync($"{HubLayout.UploadsPrefix}{id}/", cancellationToken))
            {
                await Blobs.DeleteAsync(blob.Name, cancellationToken: cancellationToken);
            }

            LogSwept(logger, id, touched);
            swept++;
        }

        return swept;
    }

    private UploadSessionInfo ToInfo(UploadSessionRecord record, long offset, bool complete) =>
        new(record.Id, record.Model, record.Version, record.Path, record.Size, record.Sha256, offset, options.Value.ChunkBytes, complete);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Upload {UploadId} completed: {Model}@{Version} {Path} ({Size} bytes)")]
    private static partial void LogCompleted(ILogger logger, string uploadId, ModelId model, int version, string path, long size);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Swept stale upload {UploadId} (last touched {Touched})")]
    private static partial void LogSwept(ILogger logger, string uploadId, DateTimeOffset touched);
}
