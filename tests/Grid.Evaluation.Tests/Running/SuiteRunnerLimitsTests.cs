using Microsoft.Extensions.Time.Testing;
using ModelGrid.Evaluation.Running;
using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Suites;
using ModelGrid.Evaluation.Tests.Runtime.Fixtures;

namespace ModelGrid.Evaluation.Tests.Running;

public sealed class SuiteRunnerLimitsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly SuiteRunner Runner = new(new OnnxSessionFactory(new SessionSettings()), MirrorArtifacts.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_CancelledWhileTheModelRuns_StopsTheCallAndThrowsOperationCanceled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var measuring = Signal();

        var run = Runner.RunAsync(Shipped("throughput-cpu"), TestModels.SlowMatMul, null, Lines(measuring), cancel.Token);
        await measuring.Task.WaitAsync(Bound, Ct);
        await cancel.CancelAsync();

        // One uncancelled call of this model takes minutes; the bound only keeps a broken build from hanging.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound, Ct));
    }

    [Fact]
    public async Task RunAsync_OverTheSuitesWallClockLimit_FailsNamingTheLimit()
    {
        var time = new FakeTimeProvider();
        var settings = new RunSettings { Time = time };

        var error = await Assert.ThrowsAsync<RunLimitExceededException>(() =>
            Runner.RunAsync(Throughput("limits: { wall-clock: 2m }"), TestModels.Mnist, settings, AdvanceOnMeasuring(time, TimeSpan.FromMinutes(2)), Ct));

        Assert.Equal("the run exceeded its wall-clock limit of 2 min", error.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task RunAsync_HostCapBelowTheSuitesLimit_HoldsTheRunToTheCap()
    {
        var time = new FakeTimeProvider();
        var settings = new RunSettings { Time = time, MaxWallClock = TimeSpan.FromSeconds(30) };

        var error = await Assert.ThrowsAsync<RunLimitExceededException>(() =>
            Runner.RunAsync(Throughput("limits: { wall-clock: 1h }"), TestModels.Mnist, settings, AdvanceOnMeasuring(time, TimeSpan.FromSeconds(30)), Ct));

        Assert.Equal("the run exceeded its wall-clock limit of 30 s", error.Message);
    }

    [Fact]
    public async Task RunAsync_WithinItsWallClockLimit_Succeeds()
    {
        var time = new FakeTimeProvider();

        var outcome = await Runner.RunAsync(Throughput("limits: { wall-clock: 2m }"), TestModels.Mnist, new RunSettings { Time = time }, AdvanceOnMeasuring(time, TimeSpan.FromSeconds(119)), Ct);

        Assert.Single(outcome.Report.Throughput!.Measurements);
    }

    [Fact]
    public async Task RunAsync_OverItsMemoryCeiling_StopsTheCallAndGivesTheCeilingAndThePeak()
    {
        var lines = new List<string>();

        var error = await Assert.ThrowsAsync<RunLimitExceededException>(() =>
            Runner.RunAsync(Throughput("limits: { memory: 64MiB }"), TestModels.MemoryHungry, null, lines.Add, Ct).WaitAsync(Bound, Ct));

        Assert.StartsWith("the run exceeded its memory ceiling of 64 MiB (peak ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" above its start)", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Contains("limits: wall clock 15 min, memory 64 MiB", lines);
    }

    [Fact]
    public async Task RunAsync_ModelDeclaringAHugeInput_FailsBeforeASessionNamingTheInput()
    {
        var error = await Assert.ThrowsAsync<ModelTooLargeException>(() => Runner.RunAsync(Shipped("throughput-cpu"), TestModels.HugeInput, cancellationToken: Ct));

        Assert.Equal("input 'x' declares, at batch 32, 35184372088832 elements (128 TiB of float), over the memory ceiling of 4 GiB", error.Message);
    }

    [Fact]
    public async Task RunAsync_ModelFileOverTheHostsCeiling_FailsBeforeReadingTheData()
    {
        var lines = new List<string>();
        var size = new FileInfo(TestModels.BigInitializer).Length;

        var error = await Assert.ThrowsAsync<ModelTooLargeException>(() =>
            Runner.RunAsync(Shipped("compas-recidivism"), TestModels.BigInitializer, new RunSettings { MaxMemoryBytes = 16L << 20 }, lines.Add, Ct));

        Assert.Equal($"the model file holds 20 MiB ({size} bytes), over the memory ceiling of 16 MiB", error.Message);
        Assert.DoesNotContain(lines, l => l.StartsWith("data: ", StringComparison.Ordinal));
    }

    private static Suite Shipped(string id) => Suite.Load(Path.Combine(MirrorArtifacts.SuitesFolder, id), MirrorArtifacts.Instance);

    /// <summary>A throughput suite of one configuration and a handful of calls.</summary>
    private static Suite Throughput(string limits) => Suite.Create(
        SuiteLoader.Parse($$"""
            id: tiny-throughput
            kind: throughput
            description: one configuration, a handful of calls
            data: { format: generated }
            throughput: { batch-sizes: [1], threads: [1], window-iterations: 1, max-warmup-windows: 3, measure-iterations: 1 }
            {{limits}}
            """),
        MirrorArtifacts.Instance);

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Action<string> Lines(TaskCompletionSource measuring) => line =>
    {
        if (line.EndsWith(": measuring", StringComparison.Ordinal))
        {
            measuring.TrySetResult();
        }
    };

    /// <summary>Moves the clock on as the first configuration starts, as if the sweep up to there had taken that long.</summary>
    private static Action<string> AdvanceOnMeasuring(FakeTimeProvider time, TimeSpan by) => line =>
    {
        if (line.EndsWith(": measuring", StringComparison.Ordinal))
        {
            time.Advance(by);
        }
    };
}
