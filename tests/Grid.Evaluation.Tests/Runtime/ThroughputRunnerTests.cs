using ModelGrid.Evaluation.Runtime;
using ModelGrid.Evaluation.Tests.Runtime.Fixtures;

namespace ModelGrid.Evaluation.Tests.Runtime;

public sealed class ThroughputRunnerTests
{
    private static readonly ThroughputSettings Tiny = new()
    {
        BatchSizes = [1, 8, 32],
        ThreadCounts = [1],
        WindowIterations = 5,
        MaxWarmupWindows = 4,
        MeasureIterations = 25,
        Seed = 7,
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> CompasCategories = new()
    {
        ["c_charge_degree"] = ["F", "M"],
        ["sex"] = ["Male", "Female"],
        ["race"] = ["African-American", "Caucasian", "Hispanic", "Other"],
    };

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly ThroughputRunner _runner = new(new OnnxSessionFactory(new SessionSettings()));

    [Fact]
    public void Run_MnistFixedBatch_MeasuresBatch1AndReportsOthersNotSupported()
    {
        var report = Run(TestModels.Mnist, Tiny);

        Assert.True(report.Succeeded, report.Failure);
        Assert.Equal([1, 8, 32], report.Measurements.Select(m => m.BatchSize));
        var one = report.Measurements[0];
        Assert.True(one.Supported);
        Assert.Null(one.NotSupportedReason);
        Assert.Equal(1, one.Threads);
        Assert.Equal(25, one.Samples);
        Assert.InRange(one.WarmupWindows, 3, 4);
        Assert.True(one.P50Ms > 0);
        Assert.True(one.P50Ms <= one.P90Ms && one.P90Ms <= one.P99Ms, $"p50 {one.P50Ms}, p90 {one.P90Ms}, p99 {one.P99Ms}");
        Assert.True(one.SamplesPerSecond > 0);
        Assert.True(one.GoldenMatched);
        foreach (var other in report.Measurements.Skip(1))
        {
            Assert.False(other.Supported);
            Assert.Equal("not supported (fixed batch dimension 1)", other.NotSupportedReason);
            Assert.Equal(0, other.Samples);
        }
    }

    [Fact]
    public void Run_Mnist_RecordsProvidersVersionCostsAndSeed()
    {
        var report = Run(TestModels.Mnist, Tiny);

        Assert.Equal(ExecutionProviders.Cuda, report.RequestedProvider);
        Assert.Equal(ExecutionProviders.Cpu, report.ActualProvider);
        Assert.NotNull(report.FallbackReason);
        Assert.Equal(OnnxSessionFactory.RuntimeVersion, report.RuntimeVersion);
        Assert.True(report.SessionCreationMs > 0);
        Assert.True(report.FirstRunMs > 0);
        Assert.True(report.PeakWorkingSetBytes > 0);
        Assert.True(report.ManagedBytesAllocated > 0);
        Assert.Equal(7, report.Seed);
    }

    [Fact]
    public void Run_HotLoop_AllocatesNothingOnTheMeasuringThread()
    {
        var report = Run(TestModels.Mnist, Tiny with { Provider = ProviderRequest.Cpu, BatchSizes = [1], MeasureIterations = 200 });

        Assert.Equal(0, Assert.Single(report.Measurements).ManagedBytesAllocated);
    }

    [Fact]
    public void Run_SampleTabularModel_SupportsBatches1And8AtEachThreadCount()
    {
        var settings = Tiny with { BatchSizes = [1, 8], ThreadCounts = [1, 2], StringValues = CompasCategories };

        var report = Run(TestModels.Sample("compas-recidivism", "v1"), settings);

        Assert.True(report.Succeeded, report.Failure);
        Assert.Equal([(1, 1), (1, 8), (2, 1), (2, 8)], report.Measurements.Select(m => (m.Threads, m.BatchSize)));
        Assert.All(report.Measurements, m =>
        {
            Assert.True(m.Supported);
            Assert.True(m.GoldenMatched);
            Assert.Equal(25, m.Samples);
            Assert.True(m.P50Ms <= m.P90Ms && m.P90Ms <= m.P99Ms);
        });
    }

    [Fact]
    public void Run_TimedWindows_MeasuresForTheDuration()
    {
        var settings = Tiny with
        {
            BatchSizes = [1],
            WindowIterations = null,
            WindowDuration = TimeSpan.FromMilliseconds(5),
            MeasureIterations = null,
            MeasureDuration = TimeSpan.FromMilliseconds(20),
        };

        var measurement = Assert.Single(Run(TestModels.Mnist, settings).Measurements);

        Assert.True(measurement.Samples > 0);
        Assert.True(measurement.P50Ms <= measurement.P90Ms && measurement.P90Ms <= measurement.P99Ms);
    }

    [Fact]
    public void Run_NeverSettles_ReportsUnstableAfterTheCap()
    {
        var settings = Tiny with { BatchSizes = [1], StabilityTolerance = 0, MaxWarmupWindows = 3 };

        var measurement = Assert.Single(Run(TestModels.Mnist, settings).Measurements);

        Assert.False(measurement.Stable);
        Assert.Equal(3, measurement.WarmupWindows);
        Assert.Equal(25, measurement.Samples);
    }

    [Fact]
    public void Run_ModelWithADifferentAnswerEachRun_FailsTheGoldenCheck()
    {
        var settings = Tiny with { BatchSizes = [1, 8], ThreadCounts = [1, 2] };

        var report = Run(TestModels.Noisy, settings);

        Assert.False(report.Succeeded);
        Assert.StartsWith("golden check failed at 1 intra-op thread(s), batch 1: output 'y' element 0 is ", report.Failure, StringComparison.Ordinal);
        var measurement = Assert.Single(report.Measurements);
        Assert.False(measurement.GoldenMatched);
    }

    [Fact]
    public async Task Run_CancelledWhileACallRuns_StopsTheCallAndThrowsOperationCanceled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var measuring = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        // The line comes just before the first call on the bound batch, which alone takes minutes uncancelled.
        var run = Task.Run(
            () => _runner.Run(TestModels.SlowMatMul, Tiny with { BatchSizes = [1] }, line => measuring.TrySetResult(line), cancel.Token),
            TestContext.Current.CancellationToken);
        Assert.Equal("threads 1, batch 1: measuring", await measuring.Task.WaitAsync(Bound, TestContext.Current.CancellationToken));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Run_StringInputWithoutValues_ThrowsNamingTheInput()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(TestModels.Sample("compas-recidivism", "v1"), Tiny));

        Assert.StartsWith("string input 'c_charge_degree' has no category values to draw from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModelFailingInsideOnnxRuntime_ThrowsModelRun()
    {
        // The generated int64 'shape' is 7 (range [7,8)), which the one element of x cannot be reshaped to.
        var settings = Tiny with { BatchSizes = [1], ValueRanges = new Dictionary<string, ValueRange> { ["shape"] = new(7, 8) } };

        var error = Assert.Throws<ModelRunException>(() => Run(TestModels.Reshape, settings));

        Assert.Contains("Reshape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MnistWithDefaults_CompletesTheSweep()
    {
        var report = Run(TestModels.Mnist, new ThroughputSettings());

        Assert.True(report.Succeeded, report.Failure);
        Assert.Equal([(1, 1), (1, 8), (1, 32), (2, 1), (2, 8), (2, 32)], report.Measurements.Select(m => (m.Threads, m.BatchSize)));
        Assert.Equal([true, false, false, true, false, false], report.Measurements.Select(m => m.Supported));
        Assert.All(report.Measurements.Where(m => m.Supported), m => Assert.True(m.Samples > 0));
    }

    [Fact]
    public void Run_InputWithAFixedFirstDimension_FixesTheBatch()
    {
        var report = Run(TestModels.Reshape, Tiny with { BatchSizes = [4], ValueRanges = new Dictionary<string, ValueRange> { ["shape"] = new(4, 5) } });

        Assert.Equal("not supported (fixed batch dimension 1)", Assert.Single(report.Measurements).NotSupportedReason);
    }

    [Fact]
    public void Run_GpuRequired_ThrowsGpuUnavailable()
    {
        Assert.Throws<GpuUnavailableException>(() => Run(TestModels.Mnist, Tiny with { Provider = ProviderRequest.Gpu }));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Run_NonPositiveBatchOrThreads_ThrowsArgument(int batch, int threads)
    {
        Assert.Throws<ArgumentException>(() => Run(TestModels.Mnist, Tiny with { BatchSizes = [batch], ThreadCounts = [threads] }));
    }

    private ThroughputReport Run(string modelPath, ThroughputSettings settings) =>
        _runner.Run(modelPath, settings, TestContext.Current.CancellationToken);
}
