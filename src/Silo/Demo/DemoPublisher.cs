using Microsoft.Extensions.Options;
using ModelGrid.Hub;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage.Artifacts;

namespace ModelGrid.Silo.Demo;

/// <summary>
/// Publishes <c>demo/mnist</c> at start: the artifact <c>mnist.onnx</c> (resolved as DESIGN.md §10 says) with the
/// card the project wrote. It is idempotent: when the newest standing version already holds these files nothing is
/// created. When the artifact cannot be had, the silo still starts and says in one line what is missing.
/// </summary>
public sealed partial class DemoPublisher(
    DemoModelPublisher publisher,
    StartupGate gate,
    IHostApplicationLifetime lifetime,
    IOptions<DemoOptions> options,
    GridRoleSet roles,
    IServiceProvider services,
    RunConsole console,
    ILogger<DemoPublisher> logger) : BackgroundService
{
    public const string ArtifactName = "mnist.onnx";
    public static readonly ModelId Model = new("demo", "mnist");

    /// <summary>The demo model: <c>mnist.onnx</c> with the card the project wrote.</summary>
    public static DemoModel Mnist { get; } = new(
        Model,
        [ArtifactName],
        "ModelGrid.Silo.Demo.mnist-card.md",
        new ModelCreate("Handwritten-digit classifier (ONNX model zoo MNIST CNN), the grid's demonstration model.", "image-classification", "MIT", ["onnx", "mnist", "image-classification"], ModelVisibility.Public));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var published = false;
        try
        {
            await WaitForStartAsync(stoppingToken);
            if (options.Value.Enabled)
            {
                await PublishAsync(stoppingToken);
                published = true;
            }
        }
        catch (ArtifactUnavailableException e)
        {
            // When the evaluation demo follows, its summary names every missing artifact once, with how to provide it.
            if (WillRunEvaluations)
            {
                console.DemoWeightsMissing(Model);
            }
            else
            {
                console.DemoNotPublished(Model, e.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
        finally
        {
            gate.Open();
        }

        await RunEvaluationDemoAsync(published, stoppingToken);
    }

    private bool WillRunEvaluations => options.Value.Enabled && options.Value.Evaluations && roles.Roles.HasFlag(GridRoles.Worker);

    private async Task RunEvaluationDemoAsync(bool mnistPublished, CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || !demo.Evaluations)
        {
            return;
        }

        var succeeded = false;
        try
        {
            if (!roles.Roles.HasFlag(GridRoles.Worker))
            {
                LogNoWorker(logger);
            }
            else
            {
                succeeded = await services.GetRequiredService<EvaluationDemo>().RunAsync(mnistPublished, stoppingToken) && mnistPublished;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            LogEvaluationDemoFailed(logger, e);
        }

        if (demo.ExitAfter)
        {
            Environment.ExitCode = succeeded ? 0 : 1;
            LogExiting(logger, Environment.ExitCode);
            lifetime.StopApplication();
        }
    }

    /// <summary>Publishes the demo version unless the newest standing version already holds the same files.</summary>
    public Task<VersionDetails> PublishAsync(CancellationToken cancellationToken) => publisher.PublishAsync(Mnist, cancellationToken);

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Demo model not published")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Evaluation demo skipped: this silo has no worker role (Grid:Roles), so no job would run")]
    private static partial void LogNoWorker(ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Evaluation demo failed")]
    private static partial void LogEvaluationDemoFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Demo finished; stopping with exit status {Status} (Grid:Demo:ExitAfter)")]
    private static partial void LogExiting(ILogger logger, int status);
}
