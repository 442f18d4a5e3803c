using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ModelGrid.Storage.Blobs;

/// <summary>
/// The production blob store: one Azure Blob container (Azurite on loopback in development and tests). Streamed
/// writes stage blocks on the target blob and commit the block list, so nothing is visible before the commit;
/// staging for resumable uploads uses append blobs with an append-position condition.
/// </summary>
public sealed partial class AzureBlobStore : IBlobStore
{
    internal const int BlockBytes = 8 << 20;
    private const int AppendBlockBytes = 4 << 20;
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    /// <summary>Uses <paramref name="container"/>, creating it on first use.</summary>
    /// <param name="container">The container.</param>
    public AzureBlobStore(BlobContainerClient container)
    {
        _container = container;
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    /// <summary>The container's name.</summary>
    public string ContainerName => _container.Name;

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync();
        try
        {
            var properties = (await Blob(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new BlobInfo(name, properties.ContentLength, properties.ETag.ToString(), properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<BlobReader?> OpenReadAsync(string name, ByteRange? range = null, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync();
        if (range is { Length: 0 } empty)
        {
            // An empty range cannot be asked of the service; check the blob and the offset instead.
            var info = await GetInfoAsync(name, cancellationToken);
            if (info is null)
            {
                return null;
            }

            if (empty.Offset < 0 || empty.Offset > info.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(range), $"the range {empty.Offset}+0 lies outside the blob's {info.Length} bytes");
            }

            return new BlobReader(Stream.Null, info, empty);
        }

        try
        {
            var options = new BlobDownloadOptions();
            if (range is { } r)
            {
                if (r.Offset < 0 || r.Length < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(range));
                }

                options.Range = new HttpRange(r.Offset, r.Length);
            }

            var result = (await Blob(name).DownloadStreamingAsync(options, cancellationToken)).Value;
            var details = result.Details;
            var total = range is null ? details.ContentLength : ParseTotalLength(details.ContentRange) ?? details.ContentLength;
            var info = new BlobInfo(name, total, details.ETag.ToString(), details.LastModified);
            var wanted = range ?? new ByteRange(0, total);
            if (wanted.Offset + wanted.Length > total)
            {
                result.Content.Dispose();
                throw new ArgumentOutOfRangeException(nameof(range), $"the range {wanted.Offset}+{wanted.Length} lies outside the blob's {total} bytes");
            }

            return new BlobReader(result.Content, info, wanted);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            throw new ArgumentOutOfRangeException(nameof(range), e.Message);
        }
    }

    /// <inheritdoc />
    public async Task<BlobInfo> PutAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync();
        try
        {
            var options = new BlobUploadOptions { Conditions = ToConditions(condition) };
            var result = (await Blob(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken)).Value;
            return new BlobInfo(name, content.Length, result.ETag.ToString(), result.LastModified);
        }
        catch (RequestFailedException e) when (IsConditionFailure(e))
        {
            throw new BlobConditionFailedException(name, inner: e);
        }
    }

    /// <inheritdoc />
    public async Task<IPendingBlob> BeginWriteAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(name);
        await EnsureContainerAsync();
        return new PendingBlocks(_container.GetBlockBlobClient(name), name);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync();
        try
        {
            var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
            return (await Blob(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new BlobConditionFailedException(name, inner: e);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync();
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken);
        await foreach (var item in pages)
        {
            var p = item.Properties;
            yield return new BlobInfo(item.Name, p.ContentLength ?? 0, p.ETag?.ToString() ?? string.Empty, p.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    /// <inheritdoc />
    public async Task<long> AppendAsync(string name, long offset, Stream content, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(name);
        await EnsureContainerAsync();
        var blob = _container.GetAppendBlobClient(name);
        if (offset == 0)
        {
            await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        var position = offset;
        var buffer = new byte[AppendBlockBytes];
        try
        {
            while (true)
            {
                // A source that breaks off (a dropped connection) still leaves what it delivered: append that, then fail.
                var filled = 0;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    int n;
                    while (filled < buffer.Length && (n = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
                    {
                        filled += n;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }

                if (filled > 0)
                {
                    using var block = new MemoryStream(buffer, 0, filled, writable: false);
                    var conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = position };
                    await blob.AppendBlockAsync(block, new AppendBlobAppendBlockOptions { Conditions = conditions }, cancellationToken);
                    position += filled;
                }

                failure?.Throw();
                if (filled < buffer.Length)
                {
                    return position;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            var actual = (await GetInfoAsync(name, cancellationToken))?.Length ?? 0;
            if (actual == position && position != offset)
            {
                // Part of the content was appended before the failure: report what the blob holds now.
                return position;
            }

            throw new BlobOffsetMismatchException(name, position, actual);
        }
    }

    /// <inheritdoc />
    public async Task<CommitOutcome> MoveAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync();
        var from = Blob(source);
        var to = Blob(target);
        try
        {
            var options = new BlobCopyFromUriOptions { DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            var copy = await to.StartCopyFromUriAsync(from.Uri, options, cancellationToken);
            await copy.WaitForCompletionAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (IsConditionFailure(e))
        {
            await from.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            return CommitOutcome.AlreadyExisted;
        }

        await from.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return CommitOutcome.Created;
    }

    internal static BlobRequestConditions? ToConditions(WriteCondition condition) =>
        condition.IfNotExists ? new BlobRequestConditions { IfNoneMatch = ETag.All }
        : condition.IfMatch is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) }
        : null;

    internal static bool IsConditionFailure(RequestFailedException e) =>
        e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict
        || (e.Status == (int)HttpStatusCode.NotFound && e.ErrorCode != "ContainerNotFound");

    private static long? ParseTotalLength(string? contentRange)
    {
        // "bytes 0-99/1234"
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), out var total) ? total : null;
    }

    private BlobClient Blob(string name)
    {
        BlobNames.Validate(name);
        return _container.GetBlobClient(name);
    }

    private Task EnsureContainerAsync() => _created.Value;
}
