using Microsoft.Extensions.Options;
using ModelGrid.Silo.Infrastructure;
using Polly;
using Polly.Retry;

namespace ModelGrid.Silo.Worker;

/// <summary>
/// Runs a worker's call to the grid again while it fails because storage cannot be reached or a silo is leaving
/// (<see cref="SiloFailures.IsTransient"/>), pausing as <see cref="WorkerBackoffOptions"/> says: exponentially longer,
/// with jitter so a cluster's workers do not return all at once, never longer than its maximum. Each retry is logged
/// once. Any other failure, and cancellation, passes at once.
/// </summary>
public sealed partial class WorkerBackoff
{
    private static readonly ResiliencePropertyKey<string> What = new("grid.worker.call");
    private readonly ResiliencePipeline _bounded;
    private readonly ResiliencePipeline _unbounded;

    public WorkerBackoff(IOptions<WorkerBackoffOptions> options, TimeProvider time, ILogger<WorkerBackoff> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _bounded = Build(settings, settings.MaxAttempts, time, logger);
        _unbounded = Build(settings, int.MaxValue, time, logger);
    }

    /// <summary>Runs <paramref name="call"/>, trying again up to <see cref="WorkerBackoffOptions.MaxAttempts"/> times; then its failure stands.</summary>
    public ValueTask<T> RunAsync<T>(string what, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        RunWithAsync(_bounded, what, call, cancellationToken);

    /// <summary>As <see cref="RunAsync{T}"/> for a call without a result.</summary>
    public async ValueTask RunAsync(string what, Func<CancellationToken, ValueTask> call, CancellationToken cancellationToken) =>
        await RunWithAsync(_bounded, what, async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="call"/>, trying again until it succeeds, fails otherwise, or <paramref name="cancellationToken"/> stops it.</summary>
    public ValueTask<T> RunUntilDoneAsync<T>(string what, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        RunWithAsync(_unbounded, what, call, cancellationToken);

    private static async ValueTask<T> RunWithAsync<T>(ResiliencePipeline pipeline, string what, Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(What, what);
        try
        {
            return await pipeline.ExecuteAsync(static (ctx, state) => state(ctx.CancellationToken), context, call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline Build(WorkerBackoffOptions settings, int attempts, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException && SiloFailures.IsTransient(e)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.FirstDelay,
                MaxDelay = settings.MaxDelay,
                MaxRetryAttempts = attempts,
                OnRetry = args =>
                {
                    LogRetrying(logger, args.Context.Properties.GetValue(What, "a call"), args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.GetType().Name ?? "a failure");
                    return default;
                },
            })
            .Build();

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "{What} failed with {Failure} (storage unreachable or a silo leaving); try {Attempt} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string what, int attempt, TimeSpan delay, string failure);
}
