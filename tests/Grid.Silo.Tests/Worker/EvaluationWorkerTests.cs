using ModelGrid.Evaluations;

namespace ModelGrid.Silo.Tests.Worker;

[Collection(WorkerClusterGroup.Name)]
public sealed class EvaluationWorkerTests(WorkerCluster cluster)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ThrowingJob_EndsFailedWithTheReasonInItsLog_AndTheWorkerRunsTheNextJob()
    {
        var ct = TestContext.Current.CancellationToken;
        var executor = new ScriptedExecutor();
        var broken = WorkerCluster.NewSpec();
        var good = WorkerCluster.NewSpec();
        var brokenRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var goodRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.On(broken.RevisionId, (_, log, _) =>
        {
            log.Write("loading weights");
            brokenRan.SetResult();
            throw new InvalidOperationException("input 'pixels' is not in the model");
        });
        executor.On(good.RevisionId, (lease, log, _) =>
        {
            log.Write("scored 10 rows");
            goodRan.SetResult();
            return Task.FromResult($"results/{lease.JobId}/{lease.Attempt}.json");
        });
        var worker = cluster.NewWorker(executor);
        await worker.StartAsync(ct);

        var first = await cluster.Submitter.SubmitAsync(broken);
        await brokenRan.Task.WaitAsync(Bound, ct);
        var second = await cluster.Submitter.SubmitAsync(good);
        await goodRan.Task.WaitAsync(Bound, ct);

        // A single slot finishes the job it runs before it stops.
        await worker.StopAsync(ct);

        var failed = (await cluster.Grains.GetGrain<IEvaluationJobGrain>(first.Job.Id).Get())!;
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("InvalidOperationException: input 'pixels' is not in the model", failed.FailureReason);
        var log = await cluster.Grains.GetGrain<IEvaluationJobGrain>(first.Job.Id).GetLog();
        Assert.Equal("attempt 1 leased by test-cpu", log[0]);
        Assert.Equal("loading weights", log[1]);
        Assert.Equal("failed: InvalidOperationException: input 'pixels' is not in the model", log[2]);

        var succeeded = (await cluster.Grains.GetGrain<IEvaluationJobGrain>(second.Job.Id).Get())!;
        Assert.Equal(JobStatus.Succeeded, succeeded.Status);
        Assert.Equal($"results/{second.Job.Id}/1.json", succeeded.ResultRef);
        Assert.Equal(["attempt 1 leased by test-cpu", "scored 10 rows"], await cluster.Grains.GetGrain<IEvaluationJobGrain>(second.Job.Id).GetLog());
        Assert.Equal([first.Job.Id, second.Job.Id], executor.Calls.Select(c => c.JobId));
    }

    [Fact]
    public async Task CancelledWhileRunning_TheRefusedRenewalCancelsTheRun_AndNothingIsRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var executor = new ScriptedExecutor();
        var spec = WorkerCluster.NewSpec();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.On(spec.RevisionId, async (_, _, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                stopped.SetResult();
                throw;
            }

            return "results/never.json";
        });
        var worker = cluster.NewWorker(executor);
        await worker.StartAsync(ct);

        var submission = await cluster.Submitter.SubmitAsync(spec);
        await started.Task.WaitAsync(Bound, ct);
        var job = cluster.Grains.GetGrain<IEvaluationJobGrain>(submission.Job.Id);
        await job.Cancel("alice");
        await stopped.Task.WaitAsync(Bound, ct);
        await worker.StopAsync(ct);

        var snapshot = (await job.Get())!;
        Assert.Equal(JobStatus.Cancelled, snapshot.Status);
        Assert.Equal("cancelled by alice", snapshot.FailureReason);
        Assert.Null(snapshot.ResultRef);
    }

    [Fact]
    public async Task CancelledWhileRunning_TheWorkerLearnsBeforeItsNextRenewal_StopsTheRunAndRunsTheNextJob()
    {
        var ct = TestContext.Current.CancellationToken;
        var executor = new ScriptedExecutor();
        var running = WorkerCluster.NewSpec();
        var next = WorkerCluster.NewSpec();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.On(running.RevisionId, async (_, log, token) =>
        {
            log.Write("running");
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                stopped.SetResult();
                throw;
            }

            return "results/never.json";
        });
        executor.On(next.RevisionId, (lease, _, _) =>
        {
            nextRan.SetResult();
            return Task.FromResult($"results/{lease.JobId}/{lease.Attempt}.json");
        });

        // A ten-minute lease: its first renewal would come after 200 s; the status check comes every 50 ms.
        var worker = cluster.NewWorker(executor, leaseSeconds: 600, cancelCheck: TimeSpan.FromMilliseconds(50));
        await worker.StartAsync(ct);
        var first = await cluster.Submitter.SubmitAsync(running);
        await started.Task.WaitAsync(Bound, ct);
        var job = cluster.Grains.GetGrain<IEvaluationJobGrain>(first.Job.Id);
        await job.Cancel("alice");
        await stopped.Task.WaitAsync(Bound, ct);
        var second = await cluster.Submitter.SubmitAsync(next);
        await nextRan.Task.WaitAsync(Bound, ct);
        await worker.StopAsync(ct);

        var cancelled = (await job.Get())!;
        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Equal("cancelled by alice", cancelled.FailureReason);
        Assert.Null(cancelled.ResultRef);
        Assert.Empty(await job.GetLog());
        Assert.Equal(JobStatus.Succeeded, (await cluster.Grains.GetGrain<IEvaluationJobGrain>(second.Job.Id).Get())!.Status);
    }

    [Fact]
    public async Task FailureNamingTheWorkersFolders_IsRecordedWithPlaceholders()
    {
        var ct = TestContext.Current.CancellationToken;
        var executor = new ScriptedExecutor();
        var spec = WorkerCluster.NewSpec();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = Path.Combine(cluster.CacheFolder, new string('a', 64));
        executor.On(spec.RevisionId, (_, log, _) =>
        {
            log.Write($"reading {Path.Combine(cluster.DataFolder, "state", "x.json")} and {Path.Combine(Path.GetTempPath(), "scratch", "y.bin")}");
            ran.SetResult();
            throw new InvalidDataException($"'{model}' is not a valid ONNX model: Load model from {model} failed, see /opt/build/src/Loader.cs:line 12");
        });
        var worker = cluster.NewWorker(executor);
        await worker.StartAsync(ct);

        var submitted = await cluster.Submitter.SubmitAsync(spec);
        await ran.Task.WaitAsync(Bound, ct);
        await worker.StopAsync(ct);

        var job = cluster.Grains.GetGrain<IEvaluationJobGrain>(submitted.Job.Id);
        var reason = $"InvalidDataException: '<cache>/{new string('a', 64)}' is not a valid ONNX model: Load model from <cache>/{new string('a', 64)} failed, see …/Loader.cs:line 12";
        Assert.Equal(reason, (await job.Get())!.FailureReason);
        var log = await job.GetLog();
        Assert.Equal("reading <data>/state/x.json and <temp>/scratch/y.bin", log[1]);
        Assert.Equal($"failed: {reason}", log[2]);
        Assert.All(log, line => Assert.DoesNotContain(cluster.DataFolder, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GpuJob_CpuWorker_LeavesItQueued()
    {
        var ct = TestContext.Current.CancellationToken;
        var executor = new ScriptedExecutor();
        var gpuSpec = WorkerCluster.NewSpec(gpu: true);
        var cpuSpec = WorkerCluster.NewSpec();
        var cpuRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        executor.On(cpuSpec.RevisionId, (lease, _, _) =>
        {
            cpuRan.SetResult();
            return Task.FromResult($"results/{lease.JobId}/1.json");
        });

        var gpu = await cluster.Submitter.SubmitAsync(gpuSpec);
        var cpu = await cluster.Submitter.SubmitAsync(cpuSpec);
        var worker = cluster.NewWorker(executor);
        await worker.StartAsync(ct);
        await cpuRan.Task.WaitAsync(Bound, ct);
        await worker.StopAsync(ct);

        var gpuJob = cluster.Grains.GetGrain<IEvaluationJobGrain>(gpu.Job.Id);
        Assert.Equal(JobStatus.Queued, (await gpuJob.Get())!.Status);
        Assert.Equal(JobStatus.Succeeded, (await cluster.Grains.GetGrain<IEvaluationJobGrain>(cpu.Job.Id).Get())!.Status);
        Assert.DoesNotContain(executor.Calls, c => c.JobId == gpu.Job.Id);
        await gpuJob.Cancel("tester");
    }
}
