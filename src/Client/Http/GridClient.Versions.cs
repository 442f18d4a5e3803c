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

    /// <summary>The model's drafts, newest first (its publishers only; others get none).</summary>
    /// <param name="model">The model.</param>
    /// <param name="olderThan">Only drafts opened at least this long ago.</param>
    /// <param name="stale">Only drafts older than the hub's <c>Grid:Uploads:DraftStaleAfter</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<VersionSummary>> ListDraftsAsync(ModelId model, TimeSpan? olderThan = null, bool stale = false, CancellationToken cancellationToken = default)
    {
        var query = "status=draft";
        if (olderThan is { } age)
        {
            query += $"&olderThan={((long)Math.Ceiling(age.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        if (stale)
        {
            query += "&stale=true";
        }

        return GetJsonAsync<IReadOnlyList<VersionSummary>>($"{Path(model)}/versions?{query}", cancellationToken);
    }

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
        SendJsonAsync<VersionDetails>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/publish", null, cancellationToken, repeatable: true);

    /// <summary>Withdraws a published version.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<VersionDetails> WithdrawAsync(ModelId model, int version, string reason, CancellationToken cancellationToken = default) =>
        SendJsonAsync<VersionDetails>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/withdraw", new WithdrawRequest(reason), cancellationToken);

    /// <summary>Deletes a draft and its open uploads; published versions are withdrawn, never deleted.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task DeleteDraftAsync(ModelId model, int version, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Path(model)}/versions/{Number(version)}", cancellationToken);

    /// <summary>Removes a declared file from a draft, so that it can be declared again.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="path">The file's path in the version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RemoveFileAsync(ModelId model, int version, string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"{Path(model)}/versions/{Number(version)}/files/{FilePath(path)}", cancellationToken);

    /// <summary>Declares one more file of a draft; it comes back present when the caller may reuse stored content.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The draft.</param>
    /// <param name="file">The file.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<DeclaredFile> DeclareFileAsync(ModelId model, int version, ManifestFile file, CancellationToken cancellationToken = default) =>
        SendJsonAsync<DeclaredFile>(HttpMethod.Post, $"{Path(model)}/versions/{Number(version)}/files", file, cancellationToken);
}
