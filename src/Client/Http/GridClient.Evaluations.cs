using System.Net.Http.Json;
using System.Text;
using ModelGrid.Api;
using ModelGrid.Evaluation.Comparison;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluations;

namespace ModelGrid.Client.Http;

public sealed partial class GridClient
{
    /// <summary>Submits an evaluation; a submission that matches an existing job gets that job (with its result when it succeeded).</summary>
    /// <param name="request">Model, suite, version and whether to run again.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<EvaluationView> SubmitEvaluationAsync(SubmitEvaluationRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<EvaluationView>(HttpMethod.Post, "api/v1/evaluations", request, cancellationToken);

    /// <summary>An evaluation job, with its recorded result when it succeeded and <paramref name="withResult"/>.</summary>
    /// <param name="id">The job.</param>
    /// <param name="withResult">Whether to ask for the result.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<EvaluationView> GetEvaluationAsync(Guid id, bool withResult = true, CancellationToken cancellationToken = default) =>
        GetJsonAsync<EvaluationView>($"api/v1/evaluations/{id:D}{(withResult ? string.Empty : "?result=false")}", cancellationToken);

    /// <summary>The evaluation jobs of a model, or of one version, newest first, optionally with one status.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">One version, or null for all.</param>
    /// <param name="status">One status, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<EvaluationList> ListEvaluationsAsync(ModelId model, int? version = null, JobStatus? status = null, CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder("api/v1/evaluations?model=").Append(Uri.EscapeDataString(model.ToString()));
        if (version is { } n)
        {
            query.Append("&version=").Append(Number(n));
        }

        if (status is { } s)
        {
            query.Append("&status=").Append(s.ToString().ToLowerInvariant());
        }

        return GetJsonAsync<EvaluationList>(query.ToString(), cancellationToken);
    }

    /// <summary>Cancels a queued or running job; a finished job stays as it is.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<EvaluationView> CancelEvaluationAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendJsonAsync<EvaluationView>(HttpMethod.Post, $"api/v1/evaluations/{id:D}/cancel", null, cancellationToken);

    /// <summary>The bounded log of a job's runs.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<EvaluationLog> GetEvaluationLogAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<EvaluationLog>($"api/v1/evaluations/{id:D}/logs", cancellationToken);

    /// <summary>The suites the hub offers.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<SuiteView>> ListSuitesAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<SuiteView>>("api/v1/suites", cancellationToken);

    /// <summary>One suite, with its data card.</summary>
    /// <param name="id">The suite's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<SuiteView> GetSuiteAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<SuiteView>($"api/v1/suites/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Versions of a model side by side on one suite, with paired deltas against <paramref name="baseline"/> (default: the first).</summary>
    /// <param name="model">The model.</param>
    /// <param name="versions">Two or more version numbers.</param>
    /// <param name="suite">The suite's id.</param>
    /// <param name="baseline">The version the deltas are taken against, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ComparisonReport> CompareAsync(ModelId model, IReadOnlyList<int> versions, string suite, int? baseline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var uri = $"{Path(model)}/compare?versions={string.Join(',', versions.Select(Number))}&suite={Uri.EscapeDataString(suite)}"
            + (baseline is { } b ? $"&baseline={Number(b)}" : string.Empty);
        using var response = await _http.GetAsync(uri, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);

        // The comparison carries NaN and kebab-case enums: it is written with the result options, not the API's.
        return await response.Content.ReadFromJsonAsync<ComparisonReport>(EvaluationJson.Options, cancellationToken)
            ?? throw new GridApiException(response.StatusCode, "Empty answer", "the hub answered without a body");
    }
}
