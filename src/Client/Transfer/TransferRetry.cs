using System.Diagnostics;
using System.Globalization;
using ModelGrid.Client.Http;

namespace ModelGrid.Client.Transfer;

/// <summary>
/// Runs a resumable transfer step again while the hub is away for a moment — a failed or dropped connection, or 502,
/// 503 or 504 — pausing as the client's <see cref="TransientRetryPolicy"/> says, until its budget has passed. The
/// step resumes from what it finds (a partial file, an open upload session, an unpublished draft of the same files),
/// so nothing is sent or stored twice.
/// </summary>
internal static class TransferRetry
{
    public static async Task<T> RunAsync<T>(GridClient client, ITransferProgress progress, string what, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        var policy = client.Retry;
        var clock = Stopwatch.StartNew();
        var pause = policy.FirstDelay;
        while (true)
        {
            try
            {
                return await step();
            }
            catch (Exception e) when (IsTransient(e, client.HubAnswered) && !cancellationToken.IsCancellationRequested && clock.Elapsed + pause <= policy.Budget)
            {
                progress.Note($"{what} was interrupted ({e.Message}); resuming in {pause.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
                await Task.Delay(pause, cancellationToken);
                pause = policy.Next(pause);
            }
        }
    }

    /// <summary>Whether <paramref name="e"/> says the hub or the connection failed, not the request: worth resuming.</summary>
    public static bool IsTransient(Exception e, bool hubAnswered) => e switch
    {
        GridApiException api => TransientRetryPolicy.IsTransient(api.Status, api.RetryAfter),
        // Not any IOException: a full disk will not pass by waiting, a connection that dropped mid-answer may.
        HttpRequestException or HttpIOException => hubAnswered,
        _ => false,
    };
}
