using System.IO.Pipelines;
using System.Security.Cryptography;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Storage.Content;

/// <summary>
/// File content stored once by its SHA-256 at <c>blobs/sha256/ab/abcdef…</c>. Content is verified while it streams
/// in and written only if size and digest match what was declared; a digest that is already stored is not written
/// again. Whether a digest exists is for the hub's own use: callers are told only under DESIGN.md §9.2.
/// </summary>
public sealed class ContentAddressedStore(IBlobStore blobs)
{
    /// <summary>The prefix of every content blob.</summary>
    public const string Prefix = "blobs/sha256/";

    /// <summary>The blob store underneath.</summary>
    public IBlobStore Blobs { get; } = blobs;

    /// <summary>The blob name of a digest.</summary>
    /// <param name="sha256">64 lowercase hex digits.</param>
    public static string BlobName(string sha256)
    {
        if (!Sha256Digest.IsValid(sha256))
        {
            throw new ArgumentException($"'{sha256}' is not a SHA-256 digest in lowercase hex", nameof(sha256));
        }

        return $"{Prefix}{sha256[..2]}/{sha256}";
    }

    /// <summary>Whether content with this digest is stored.</summary>
    /// <param name="sha256">The digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) =>
        await Blobs.GetInfoAsync(BlobName(sha256), cancellationToken) is not null;

    /// <summary>Opens stored content (or a range of it); null when the digest is not stored.</summary>
    /// <param name="sha256">The digest.</param>
    /// <param name="range">The bytes to read, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<BlobReader?> OpenReadAsync(string sha256, ByteRange? range = null, CancellationToken cancellationToken = default) =>
        Blobs.OpenReadAsync(BlobName(sha256), range, cancellationToken);

    /// <summary>Starts a streamed, verified write of content declared to have <paramref name="size"/> bytes and digest <paramref name="sha256"/>.</summary>
    /// <param name="size">The declared size.</param>
    /// <param name="sha256">The declared digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ContentIngest> BeginIngestAsync(long size, string sha256, CancellationToken cancellationToken = default)
    {
        var name = BlobName(sha256);
        var pending = await ExistsAsync(sha256, cancellationToken) ? null : await Blobs.BeginWriteAsync(name, cancellationToken);
        return new ContentIngest(pending, size, sha256);
    }

    /// <summary>Stores content read from a pipe (an HTTP request body) after verifying it.</summary>
    /// <param name="source">The content.</param>
    /// <param name="size">The declared size.</param>
    /// <param name="sha256">The declared digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IngestResult> IngestAsync(PipeReader source, long size, string sha256, CancellationToken cancellationToken = default)
    {
        await using var ingest = await BeginIngestAsync(size, sha256, cancellationToken);
        while (true)
        {
            var read = await source.ReadAsync(cancellationToken);
            foreach (var segment in read.Buffer)
            {
                await ingest.WriteAsync(segment, cancellationToken);
            }

            source.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }
        }

        return await ingest.CompleteAsync(cancellationToken);
    }

    /// <summary>Stores content read from a stream after verifying it.</summary>
    /// <param name="source">The content.</param>
    /// <param name="size">The declared size.</param>
    /// <param name="sha256">The declared digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IngestResult> IngestAsync(Stream source, long size, string sha256, CancellationToken cancellationToken = default)
    {
        await using var ingest = await BeginIngestAsync(size, sha256, cancellationToken);
        var buffer = new byte[ContentIngest.ChunkBytes];
        int n;
        while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await ingest.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
        }

        return await ingest.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Verifies a staging blob (a finished resumable upload) and moves it to its content address; a mismatch
    /// throws <see cref="ContentMismatchException"/> and leaves the staging blob for the caller to delete.
    /// </summary>
    /// <param name="stagingName">The staging blob.</param>
    /// <param name="size">The declared size.</param>
    /// <param name="sha256">The declared digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IngestResult> PromoteAsync(string stagingName, long size, string sha256, CancellationToken cancellationToken = default)
    {
        var target = BlobName(sha256);
        await using (var reader = await Blobs.OpenReadAsync(stagingName, cancellationToken: cancellationToken)
            ?? throw new FileNotFoundException($"the staging blob '{stagingName}' does not exist"))
        {
            if (reader.Info.Length != size)
            {
                throw ContentMismatchException.Size(size, reader.Info.Length);
            }

            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(reader.Content, cancellationToken));
            if (actual != sha256)
            {
                throw ContentMismatchException.Digest(sha256, actual);
            }
        }

        var outcome = await Blobs.MoveAsync(stagingName, target, cancellationToken);
        return new IngestResult(sha256, size, outcome == CommitOutcome.Created ? IngestOutcome.Created : IngestOutcome.Deduplicated);
    }
}
