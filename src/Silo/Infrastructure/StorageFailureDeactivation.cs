namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// A grain whose call failed because storage could not be reached is deactivated once the call ends. Grains change
/// their state in memory and then write it: a write that failed leaves memory ahead of storage, and a retried call
/// would find the change made and answer as if it were kept (a publish, a lease, a result). The next call activates
/// the grain again from what storage holds, and fails for as long as storage is away.
/// </summary>
public sealed partial class StorageFailureDeactivation(ILogger<StorageFailureDeactivation> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (SiloFailures.IsStorageOutage(e))
        {
            LogDeactivating(logger, context.TargetId.ToString(), context.MethodName, e.GetType().Name);
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, e, "storage failed during a call: memory may be ahead of storage"));
            throw;
        }
    }

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "{Grain}.{Method} failed with {Failure} (storage unreachable); the grain is deactivated and reads its state again on its next call")]
    private static partial void LogDeactivating(ILogger logger, string grain, string method, string failure);
}
