using System.Net;

namespace ModelGrid.Client.Http;

/// <summary>Request content that streams <c>length</c> bytes from a stream and reports each chunk sent.</summary>
internal sealed class ProgressContent(Stream source, long length, IProgress<long>? progress) : HttpContent
{
    private const int ChunkBytes = 1 << 20;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Min(ChunkBytes, Math.Max(length, 1))];
        var remaining = length;
        while (remaining > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the source ended {remaining} bytes before the declared length");
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
            progress?.Report(read);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long computed)
    {
        computed = length;
        return true;
    }
}
