using System.Buffers;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace ModelGrid.Storage.Blobs;

public sealed partial class AzureBlobStore
{
    /// <summary>
    /// A write staged as uncommitted blocks of the target blob. Uncommitted blocks are invisible; the service
    /// discards them after a week when no commit comes. Block ids carry a per-write id, so concurrent writers of
    /// the same name never mix their blocks.
    /// </summary>
    private sealed class PendingBlocks(BlockBlobClient blob, string name) : IPendingBlob
    {
        private readonly string _writeId = Guid.NewGuid().ToString("N");
        private readonly List<string> _blockIds = [];
        private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        private int _filled;

        public long Length { get; private set; }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            while (!data.IsEmpty)
            {
                var n = Math.Min(data.Length, BlockBytes - _filled);
                data[..n].CopyTo(_buffer.AsMemory(_filled));
                _filled += n;
                Length += n;
                data = data[n..];
                if (_filled == BlockBytes)
                {
                    await StageAsync(cancellationToken);
                }
            }
        }

        public async Task<CommitOutcome> CommitAsync(WriteCondition condition, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            if (_filled > 0)
            {
                await StageAsync(cancellationToken);
            }

            try
            {
                var options = new CommitBlockListOptions { Conditions = ToConditions(condition) };
                await blob.CommitBlockListAsync(_blockIds, options, cancellationToken);
                return CommitOutcome.Created;
            }
            catch (RequestFailedException e) when (condition.IfNotExists && IsConditionFailure(e))
            {
                return CommitOutcome.AlreadyExisted;
            }
            catch (RequestFailedException e) when (IsConditionFailure(e))
            {
                throw new BlobConditionFailedException(name, inner: e);
            }
            finally
            {
                Release();
            }
        }

        public ValueTask DisposeAsync()
        {
            Release();
            return ValueTask.CompletedTask;
        }

        private async Task StageAsync(CancellationToken cancellationToken)
        {
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{_writeId}-{_blockIds.Count:D8}"));
            using (var block = new MemoryStream(_buffer!, 0, _filled, writable: false))
            {
                await blob.StageBlockAsync(id, block, new BlockBlobStageBlockOptions(), cancellationToken);
            }

            _blockIds.Add(id);
            _filled = 0;
        }

        private void Release()
        {
            if (_buffer is { } buffer)
            {
                _buffer = null;
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
