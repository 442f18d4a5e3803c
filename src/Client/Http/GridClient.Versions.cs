using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>The versions of a model, newest first (drafts only for its publishers).</summary>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<VersionSummary>> ListVersionsAsync(ModelId model, CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<VersionSummary>>($"{Path(model)}/versions", cancellationToken);

    /// <summary>A version by number, revision id or alias.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The reference.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<VersionDetails> GetVersionAsync(ModelId model, string reference, CancellationToken cancellationToken = default) =>
        GetJsonAsync<VersionDetails>($"{Path(model)}/versions/{Uri.EscapeDataString(reference)}", cancellationToken);

    /// <summary>The canonical manifest bytes of a published version.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reference">The reference.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<byte[]> GetManifestAsync(ModelId model, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"{Path(model)}/versions/{Uri.EscapeDataString(reference)}/manifest", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Opens a draft declaring its files; files whose content the caller may reuse come back present.</summary>
    /// <param name="model">The model.</param>
    /// <param name="request">Files and card.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<VersionDetails> CreateDraftAsync(ModelId model, CreateDraftRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<VersionDetails>(HttpMethod.Post, $"{Path(model)}/versions", request, cancellationToken);

    /// <summary>Publishes a draft.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<VersionDetails> PublishAsync(ModelId model, int version, CancellationToken cancellationToken = default) =>
        SendJsonAsync<VersionDetails>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/publish", null, cancellationToken);

    /// <summary>Withdraws a published version.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<VersionDetails> WithdrawAsync(ModelId model, int version, string reason, CancellationToken cancellationToken = default) =>
        SendJsonAsync<VersionDetails>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/withdraw", new WithdrawRequest(reason), cancellationToken);

    /// <summary>Declares one more file of a draft; it comes back present when the caller may reuse stored content.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="file">The file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<DeclaredFile> DeclareFileAsync(ModelId model, int version, ManifestFile file, CancellationToken cancellationToken = default) =>
        SendJsonAsync<DeclaredFile>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/files", file, cancellationToken);
}
