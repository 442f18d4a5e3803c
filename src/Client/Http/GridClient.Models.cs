using System.Globalization;
using ModelGrid.Api;
using ModelGrid.Hub;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>Creates a model.</summary>
    /// <param name="request">Its owner, name and metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ModelDetails> CreateModelAsync(CreateModelRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ModelDetails>(HttpMethod.Post, "api/v1/models", request, cancellationToken);

    /// <summary>A model, or null when it does not exist (or the caller may not see it).</summary>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ModelDetails?> FindModelAsync(ModelId model, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetJsonAsync<ModelDetails>(Path(model), cancellationToken);
        }
        catch (GridApiException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>A model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ModelDetails> GetModelAsync(ModelId model, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ModelDetails>(Path(model), cancellationToken);

    /// <summary>One page of the models the caller may see.</summary>
    /// <param name="search">Text to look for in ids, descriptions and tags.</param>
    /// <param name="owner">Only this owner's models.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Models per page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ModelPage> ListModelsAsync(string? search = null, string? owner = null, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var query = new List<string> { $"page={page.ToString(CultureInfo.InvariantCulture)}", $"pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}" };
        if (!string.IsNullOrWhiteSpace(search))
        {
            query.Add($"search={Uri.EscapeDataString(search)}");
        }

        if (!string.IsNullOrWhiteSpace(owner))
        {
            query.Add($"owner={Uri.EscapeDataString(owner)}");
        }

        return GetJsonAsync<ModelPage>($"api/v1/models?{string.Join('&', query)}", cancellationToken);
    }

    /// <summary>Changes a model's metadata.</summary>
    /// <param name="model">The model.</param>
    /// <param name="request">The change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ModelDetails> UpdateModelAsync(ModelId model, UpdateModelRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ModelDetails>(HttpMethod.Patch, Path(model), request, cancellationToken);
}
