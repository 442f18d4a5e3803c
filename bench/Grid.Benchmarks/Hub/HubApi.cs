using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ModelGrid.Benchmarks.Hub;

/// <summary>The few hub calls the benchmark needs around its uploads and downloads.</summary>
public sealed class HubApi(HttpClient http, string token)
{
    public const string Owner = "bench";

    public async Task CreateModelAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/v1/models", new { owner = Owner, name }, cancellationToken);
    }

    /// <summary>Opens a draft that declares one file; returns the version number.</summary>
    public async Task<int> CreateDraftAsync(string name, string path, long size, string sha256, CancellationToken cancellationToken)
    {
        var body = new { files = new[] { new { path, size, sha256 } } };
        using var response = await SendAsync(HttpMethod.Post, $"api/v1/models/{Owner}/{name}/versions", body, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return json.RootElement.GetProperty("number").GetInt32();
    }

    public async Task PublishAsync(string name, int version, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/v1/models/{Owner}/{name}/versions/{version}/publish", null, cancellationToken);
    }

    public Uri FileUri(string name, int version, string path) => new(http.BaseAddress!, $"api/v1/models/{Owner}/{name}/versions/{version}/files/{path}");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {problem}");
        }

        return response;
    }
}
