using ModelGrid.Evaluations;
using ModelGrid.Grains.Telemetry;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// What the silo tells the person who started it: a short banner, the demo's progress and its summary. They are log
/// entries of this one category, so they keep their order with every other entry and become JSON objects with the
/// JSON console format; the default console format (<see cref="GridConsoleFormatter"/>) prints them as plain lines,
/// without time, level or category. appsettings.json keeps this category at Information whatever the default level.
/// </summary>
public sealed partial class RunConsole(ILogger<RunConsole> logger)
{
    /// <summary>The category of these entries.</summary>
    public static readonly string Category = typeof(RunConsole).FullName!;

    /// <summary>The banner's first line: where the API listens.</summary>
    public void Serving(string url) => LogServing(logger, url);

    /// <summary>The banner's line with the address of the browser pages.</summary>
    public void Pages(string url) => LogPages(logger, url);

    /// <summary>The banner's line about the embedded store's folder.</summary>
    public void DataFolder(string path) => LogDataFolder(logger, path);

    /// <summary>The banner's line about Azure Storage, for silos that keep no local data folder.</summary>
    public void AzureStorage(string container) => LogAzureStorage(logger, container);

    /// <summary>The banner's line about the bootstrap admin token's file.</summary>
    public void AdminTokenFile(string path, bool created) => LogAdminTokenFile(logger, path, created ? "written now, mode 0600" : "from an earlier start");

    /// <summary>The banner's line for an admin token taken from configuration.</summary>
    public void AdminTokenConfigured() => LogAdminTokenConfigured(logger);

    /// <summary>The banner's line about the silo's roles.</summary>
    public void Roles(string roles) => LogRoles(logger, roles);

    /// <summary>The banner's line about the worker's hardware.</summary>
    public void Worker(string hardware) => LogWorker(logger, hardware);

    /// <summary>The banner's line about logging.</summary>
    public void Logs(LogLevel level) =>
        LogLogs(logger, level, level > LogLevel.Information ? "--verbose for more" : "Logging__LogLevel__Default=Debug for more");

    /// <summary>A demo model was published now; <paramref name="from"/> says which files came from where.</summary>
    public void DemoPublished(ModelId model, int version, string from) => LogDemoPublished(logger, model, version, from);

    /// <summary>The demo model's newest version already holds its files.</summary>
    public void DemoUpToDate(ModelId model, int version) => LogDemoUpToDate(logger, model, version);

    /// <summary>The demo model could not be published; the demo's summary says what is missing.</summary>
    public void DemoWeightsMissing(ModelId model) => LogDemoWeightsMissing(logger, model);

    /// <summary>The demo model could not be published, and no summary follows: the whole reason, in one line.</summary>
    public void DemoNotPublished(ModelId model, string reason) => LogDemoNotPublished(logger, model, reason);

    /// <summary>The sample models the demo evaluates are published.</summary>
    public void SamplesReady(string models) => LogSamplesReady(logger, models);

    /// <summary>What the demo's submissions found: results it reuses and jobs it waits for.</summary>
    public void Submitted(int reused, int waiting)
    {
        if (waiting == 0)
        {
            LogAllReused(logger, reused);
        }
        else if (reused == 0)
        {
            LogSubmitted(logger, waiting);
        }
        else
        {
            LogSomeReused(logger, reused, waiting);
        }
    }

    /// <summary>A job the demo waits for has finished.</summary>
    public void JobFinished(int done, int total, string job, string outcome, JobSnapshot snapshot)
    {
        using (JobLogScope.Begin(logger, snapshot.Id, snapshot.Spec))
        {
            LogJobFinished(logger, done, total, job, outcome);
        }
    }

    /// <summary>The demo's summary, several lines.</summary>
    public void Summary(string text) => LogSummary(logger, text);

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "ModelGrid is listening on {Url} (Ctrl+C stops it)")]
    private static partial void LogServing(ILogger logger, string url);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "  data folder:  {Path}")]
    private static partial void LogDataFolder(ILogger logger, string path);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "  storage:      Azure Storage, container {Container}")]
    private static partial void LogAzureStorage(ILogger logger, string container);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "  admin token:  {Path} ({State})")]
    private static partial void LogAdminTokenFile(ILogger logger, string path, string state);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "  admin token:  set by Grid:Auth:AdminToken")]
    private static partial void LogAdminTokenConfigured(ILogger logger);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "  roles:        {Roles}")]
    private static partial void LogRoles(ILogger logger, string roles);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Information, Message = "  worker:       {Hardware}")]
    private static partial void LogWorker(ILogger logger, string hardware);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Information, Message = "  logs:         {Level} and above ({More}; Logging__Console__FormatterName=json for JSON)")]
    private static partial void LogLogs(ILogger logger, LogLevel level, string more);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Information, Message = "  pages:        {Url} (models, evaluations and leaderboards in a browser)")]
    private static partial void LogPages(ILogger logger, string url);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "Demo model {Model}@{Version} published ({From})")]
    private static partial void LogDemoPublished(ILogger logger, ModelId model, int version, string from);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Information, Message = "Demo model {Model}@{Version} is up to date")]
    private static partial void LogDemoUpToDate(ILogger logger, ModelId model, int version);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Information, Message = "Demo model {Model} not published: its weights are missing (the demo's summary says how to provide them)")]
    private static partial void LogDemoWeightsMissing(ILogger logger, ModelId model);

    [LoggerMessage(EventId = 3313, Level = LogLevel.Information, Message = "Demo model {Model} not published: {Reason}")]
    private static partial void LogDemoNotPublished(ILogger logger, ModelId model, string reason);

    [LoggerMessage(EventId = 3314, Level = LogLevel.Information, Message = "Demo: sample models {Models} are published")]
    private static partial void LogSamplesReady(ILogger logger, string models);

    [LoggerMessage(EventId = 3315, Level = LogLevel.Information, Message = "Demo: {Count} evaluation jobs submitted to the local worker; waiting for them")]
    private static partial void LogSubmitted(ILogger logger, int count);

    [LoggerMessage(EventId = 3316, Level = LogLevel.Information, Message = "Demo: {Count} evaluation results reused from the data folder")]
    private static partial void LogAllReused(ILogger logger, int count);

    [LoggerMessage(EventId = 3317, Level = LogLevel.Information, Message = "Demo: {Reused} evaluation results reused from the data folder; {Count} evaluation jobs submitted to the local worker, waiting for them")]
    private static partial void LogSomeReused(ILogger logger, int reused, int count);

    [LoggerMessage(EventId = 3318, Level = LogLevel.Information, Message = "  [{Done}/{Total}] {Job}: {Outcome}")]
    private static partial void LogJobFinished(ILogger logger, int done, int total, string job, string outcome);

    [LoggerMessage(EventId = 3319, Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void LogSummary(ILogger logger, string summary);
}
