using ModelGrid.Hub;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>The text of a card revision: the latest when <paramref name="revision"/> is null.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The version.</param>
    /// <param name="revision">The revision number, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<string> GetCardAsync(ModelId model, string reference, int? revision = null, CancellationToken cancellationToken = default)
    {
        var uri = revision is { } r
            ? $"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/cards/r{Number(r)}"
            : $"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/card";
        using var response = await _http.GetAsync(uri, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>The card revisions of a version, oldest first.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<CardRevisionInfo>> ListCardsAsync(ModelId model, string reference, CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<CardRevisionInfo>>($"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/cards", cancellationToken);
}
