namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>The CycloneDX 1.6 JSON bill of materials of a published version, as the hub sends it.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The version: a number, an alias or a revision id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<byte[]> GetBomAsync(ModelId model, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/bom", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
