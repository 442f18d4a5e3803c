using ModelGrid.Client.Http;
using ModelGrid.Evaluations;

namespace ModelGrid.ClusterTests.Cluster;

/// <summary>
/// Reads jobs through the API, round after round, until each is final (or it is stopped): the jobs run in other
/// processes, so their records are the signal there is. A call that fails after the client's own retries is counted
/// as a client error and tried again next round.
/// </summary>
public sealed class JobTracker(GridClient client, IReadOnlyCollection<Guid> ids, ResponseLog log)
{
    private readonly Dictionary<Guid, JobSnapshot> _final = [];
    private readonly List<string> _errors = [];
    private readonly TaskCompletionSource _allFinal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every job is final.</summary>
    public Task AllFinal => _allFinal.Task;

    public int FinalCount
    {
        get
        {
            lock (_final)
            {
                return _final.Count;
            }
        }
    }

    public IReadOnlyDictionary<Guid, JobSnapshot> Final
    {
        get
        {
            lock (_final)
            {
                return new Dictionary<Guid, JobSnapshot>(_final);
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (FinalCount < ids.Count)
            {
                foreach (var id in ids.Where(id => !Final.ContainsKey(id)).ToList())
                {
                    try
                    {
                        var view = await client.GetEvaluationAsync(id, withResult: false, stop);
                        if (view.Job.IsFinal)
                        {
                            lock (_final)
                            {
                                _final[id] = view.Job;
                            }
                        }
                    }
                    catch (Exception e) when (e is GridApiException or HttpRequestException)
                    {
                        lock (_errors)
                        {
                            _errors.Add($"{log.Now.TotalSeconds:F1} s: {e.Message}");
                        }
                    }
                }

                await Task.Delay(250, stop);
            }

            _allFinal.TrySetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _allFinal.TrySetCanceled(stop);
        }
    }
}
