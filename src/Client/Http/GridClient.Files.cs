using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ModelGrid.Api;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>Uploads a whole file into a draft in one streamed PUT; the hub checks size and SHA-256 before keeping it.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="path">The file's path in the version.</param>
    /// <param name="content">The bytes, read from the current position.</param>
    /// <param name="size">Their number.</param>
    /// <param name="sha256">Their digest.</param>
    /// <param name="progress">Receives the bytes sent, chunk by chunk.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<FileUploadResult> UploadFileAsync(ModelId model, int version, string path, Stream content, long size, string sha256, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Path(model)}/versions/{Number(version)}/files/{FilePath(path)}")
        {
            Content = new ProgressContent(content, size, progress),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-Grid-Sha256", sha256);
        using var response = await _http.SendAsync(request, cancellationToken);
        return await ReadAsync<FileUploadResult>(response, cancellationToken);
    }

    /// <summary>Opens a resumable upload of a declared file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="request">Path, size and digest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<UploadSessionInfo> StartUploadAsync(ModelId model, int version, StartUploadRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<UploadSessionInfo>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/uploads", request, cancellationToken);

    /// <summary>The open resumable uploads of a draft.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<UploadSessionInfo>> ListUploadsAsync(ModelId model, int version, CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<UploadSessionInfo>>($"{Path(model)}/versions/{Number(version)}/uploads", cancellationToken);

    /// <summary>A resumable upload, with the number of bytes the hub holds.</summary>
    /// <param name="uploadId">The session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<UploadSessionInfo> GetUploadAsync(string uploadId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<UploadSessionInfo>($"api/v1/uploads/{Uri.EscapeDataString(uploadId)}", cancellationToken);

    /// <summary>Sends one chunk at <paramref name="offset"/>; returns the hub's new offset and whether the file is complete.</summary>
    /// <param name="session">The session.</param>
    /// <param name="offset">Where the chunk starts (what the hub holds).</param>
    /// <param name="chunk">The bytes, read from the current position.</param>
    /// <param name="length">How many.</param>
    /// <param name="progress">Receives the bytes sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<UploadSessionInfo> AppendChunkAsync(UploadSessionInfo session, long offset, Stream chunk, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/v1/uploads/{Uri.EscapeDataString(session.Id)}")
        {
            Content = new ProgressContent(chunk, length, progress),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            var held = long.Parse(response.Headers.GetValues("Upload-Offset").First(), CultureInfo.InvariantCulture);
            return session with { Offset = held, Complete = false };
        }

        return await response.Content.ReadFromJsonAsync<UploadSessionInfo>(ApiJson.Options, cancellationToken)
            ?? throw new GridApiException(response.StatusCode, "Empty answer", "the hub answered without a body");
    }

    /// <summary>Aborts a resumable upload.</summary>
    /// <param name="uploadId">The session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/uploads/{Uri.EscapeDataString(uploadId)}", cancellationToken);

    /// <summary>
    /// Starts downloading a file. With <paramref name="from"/> &gt; 0 it asks for the rest of the file from there,
    /// on the condition (If-Range) that the content still has digest <paramref name="sha256"/>; the answer says
    /// whether the hub sent the range (206) or the whole file. Dispose the result.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">Version number, revision id or alias.</param>
    /// <param name="path">The file.</param>
    /// <param name="from">The first byte wanted.</param>
    /// <param name="sha256">The expected digest, for If-Range.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<FileDownload> DownloadAsync(ModelId model, string reference, string path, long from = 0, string? sha256 = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/files/{FilePath(path)}");
        if (from > 0)
        {
            request.Headers.Range = new RangeHeaderValue(from, null);
            if (sha256 is not null)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{sha256}\""));
            }
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var partial = response.StatusCode == HttpStatusCode.PartialContent;
            return new FileDownload(request, response, stream, partial ? from : 0, response.Content.Headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            request.Dispose();
            throw;
        }
    }
}
