namespace ModelGrid.Client.Http;

/// <summary>An open download: the body stream, the offset it starts at (0 unless the hub honoured a range) and its length.</summary>
public sealed class FileDownload(HttpRequestMessage request, HttpResponseMessage response, Stream content, long offset, long? length) : IDisposable
{
    /// <summary>The bytes, from <see cref="Offset"/>.</summary>
    public Stream Content { get; } = content;

    /// <summary>Where <see cref="Content"/> starts in the file.</summary>
    public long Offset { get; } = offset;

    /// <summary>How many bytes <see cref="Content"/> holds, when the hub said.</summary>
    public long? Length { get; } = length;

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        response.Dispose();
        request.Dispose();
    }
}
