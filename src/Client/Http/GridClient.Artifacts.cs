using System.Net.Http.Headers;
using ModelGrid.Api;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>The declared third-party artifacts and whether the hub holds them.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<ArtifactView>> ListArtifactsAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<ArtifactView>>("api/v1/artifacts", cancellationToken);

    /// <summary>Has the hub resolve an artifact (store, mirrors, source) into its store (admin only).</summary>
    /// <param name="name">The artifact.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ArtifactFetched> FetchArtifactAsync(string name, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ArtifactFetched>(HttpMethod.Post, $"api/v1/artifacts/{Uri.EscapeDataString(name)}/fetch", null, cancellationToken);

    /// <summary>Sends an artifact's bytes for the hub to verify and store (admin only).</summary>
    /// <param name="name">The artifact.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="size">Their number.</param>
    /// <param name="progress">Receives the bytes sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ArtifactFetched> ImportArtifactAsync(string name, Stream content, long size, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/artifacts/{Uri.EscapeDataString(name)}")
        {
            Content = new ProgressContent(content, size, progress),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.SendAsync(request, cancellationToken);
        return await ReadAsync<ArtifactFetched>(response, cancellationToken);
    }
}
