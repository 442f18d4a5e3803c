using System.Net.Http.Headers;
using System.Text;
using ModelGrid.Openness;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    private const string YamlMediaType = "application/yaml";

    /// <summary>A version's openness: its record, class, progress and what the next class needs.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<OpennessView> GetOpennessAsync(ModelId model, string reference, CancellationToken cancellationToken = default) =>
        GetJsonAsync<OpennessView>(OpennessPath(model, reference), cancellationToken);

    /// <summary>A version's openness record as a Model Openness Tool YAML file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<string> GetOpennessYamlAsync(ModelId model, string reference, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OpennessPath(model, reference));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(YamlMediaType));
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Sets a published version's openness record from a Model Openness Tool YAML file.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The version.</param>
    /// <param name="yaml">The file's text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<OpennessView> SetOpennessAsync(ModelId model, string reference, string yaml, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, OpennessPath(model, reference))
        {
            Content = new StringContent(yaml, Encoding.UTF8, YamlMediaType),
        };
        using var response = await _http.SendAsync(request, cancellationToken);
        return await ReadAsync<OpennessView>(response, cancellationToken);
    }

    private static string OpennessPath(ModelId model, string reference) => $"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/openness";
}
