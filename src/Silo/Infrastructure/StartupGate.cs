namespace ModelGrid.Silo.Infrastructure;

/// <summary>Opens once the start-up work (the demo model) is done, successfully or not; <c>/health</c> waits for it.</summary>
public sealed class StartupGate
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public Task Ready => _ready.Task;

    public void Open() => _ready.TrySetResult();
}
