using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>A model's aliases and, when asked, their history.</summary>
    /// <param name="model">The model.</param>
    /// <param name="history">Whether to include every move.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AliasList> ListAliasesAsync(ModelId model, bool history = false, CancellationToken cancellationToken = default) =>
        GetJsonAsync<AliasList>($"{Path(model)}/aliases{(history ? "?history=true" : string.Empty)}", cancellationToken);

    /// <summary>Points an alias at a published version.</summary>
    /// <param name="model">The model.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<AliasEntry> SetAliasAsync(ModelId model, string alias, int version, CancellationToken cancellationToken = default) =>
        SendJsonAsync<AliasEntry>(HttpMethod.Put, $"{Path(model)}/aliases/{Uri.EscapeDataString(alias)}", new SetAliasRequest(version), cancellationToken);

    /// <summary>Removes an alias.</summary>
    /// <param name="model">The model.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteAliasAsync(ModelId model, string alias, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Path(model)}/aliases/{Uri.EscapeDataString(alias)}", cancellationToken);
}
