using Microsoft.Extensions.Options;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Hub;

/// <summary>Removes upload sessions nobody has touched for <c>Grid:Uploads:StaleAfter</c>.</summary>
public sealed partial class StagingSweeper(UploadSessions sessions, IOptions<UploadOptions> options, TimeProvider time, ILogger<StagingSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await sessions.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Sweeping stale uploads failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
