using ModelGrid.Api;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>Has the hub read every grain state record and report the damaged ones (admin only).</summary>
    /// <param name="quarantine">Also move the damaged records aside, to <c>quarantine/</c> beside them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<StateCheckReport> CheckStateAsync(bool quarantine = false, CancellationToken cancellationToken = default) =>
        quarantine
            ? SendJsonAsync<StateCheckReport>(HttpMethod.Post, "api/v1/admin/state-check/quarantine", null, cancellationToken)
            : GetJsonAsync<StateCheckReport>("api/v1/admin/state-check", cancellationToken);
}
