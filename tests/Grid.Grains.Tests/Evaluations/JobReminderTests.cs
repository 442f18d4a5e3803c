using ModelGrid.Evaluations;
using ModelGrid.Hub;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;

namespace ModelGrid.Grains.Tests.Evaluations;

/// <summary>
/// What the reminders do across silo restarts on one data folder: each test stops its cluster at a chosen point and
/// starts another on the folder, where nothing calls the grains that must act; only their reminders wake them.
/// </summary>
public sealed class JobReminderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Complete_SiloStopsBeforeTheVersionAcknowledges_AfterARestartTheCardGetsTheResultOnce()
    {
        var root = TestPaths.NewTempFolder("jobs-follow-ups");
        try
        {
            VersionDetails version;
            JobLease lease;
            string result;
            await using (var first = await JobCluster.StartAsync(root, fastReminders: true))
            {
                (_, var versions) = await JobFollowUpSetup.PublishSameFilesAsync(first);
                version = versions[0];
                var submission = await first.Submitter.SubmitAsync(JobFollowUpSetup.SpecFor(version));
                lease = (await first.Grains.GetGrain<IEvaluationJobGrain>(submission.Job.Id).TryLease(JobCluster.CpuWorker, JobCluster.Lease))!;
                result = await JobFollowUpSetup.StoreResultAsync(first, lease.JobId);
            }

            // The version cannot be read while the result is accepted, so it cannot acknowledge it; then the silo stops.
            var versionKey = version.Model.VersionKey(version.Number);
            var record = Path.Combine(root, StateRecordNames.For("version", "version", versionKey));
            var intact = await File.ReadAllBytesAsync(record, TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(record, intact.AsMemory(0, 10).ToArray(), TestContext.Current.CancellationToken);
            await using (var second = await JobCluster.StartAsync(root, fastReminders: true))
            {
                Assert.True(await second.Grains.GetGrain<IEvaluationJobGrain>(lease.JobId).Complete(lease.LeaseId, result));
                await Assert.ThrowsAnyAsync<Exception>(() => second.Grains.GetGrain<IModelVersionGrain>(versionKey).ListEvaluations());
            }

            await File.WriteAllBytesAsync(record, intact, TestContext.Current.CancellationToken);
            await using var third = await JobCluster.StartAsync(root, fastReminders: true);
            var recorded = third.Grains.GetGrain<IModelVersionGrain>(versionKey);

            // Nothing here calls the job grain: its reminder does.
            Assert.True(await EventuallyAsync(third, async () => (await recorded.ListEvaluations()).Count > 0));
            var job = third.Grains.GetGrain<IEvaluationJobGrain>(lease.JobId);
            await job.Join(versionKey);
            await Task.Delay(3 * JobCluster.FastReminderPeriod, TestContext.Current.CancellationToken);

            Assert.Equal((lease.JobId, 1, result), ((await recorded.ListEvaluations()).Single().JobId, 1, (await recorded.ListEvaluations()).Single().ResultBlob));
            Assert.Equal(1, await JobFollowUpSetup.EvaluationCardsAsync(third, version));
            Assert.Equal(JobStatus.Succeeded, (await job.Get())!.Status);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Watchdog_ExpiredLeaseOnAPartitionNobodyPolls_ReturnsTheJobToTheQueue()
    {
        var root = TestPaths.NewTempFolder("jobs-watchdog");
        try
        {
            JobLease lease;
            string partition;
            await using (var first = await JobCluster.StartAsync(root, fastReminders: true))
            {
                // A GPU job leased by a GPU worker that then disappears with its silo; no other worker polls GPU partitions.
                var submission = await first.Submitter.SubmitAsync(JobCluster.NewSpec(gpu: true));
                partition = first.Submitter.PartitionOf(submission.Job);
                lease = (await first.Grains.GetGrain<IJobQueueGrain>(partition).TryLease(JobCluster.GpuWorker, JobCluster.Lease))!;
                Assert.Equal(submission.Job.Id, lease.JobId);
            }

            await using var second = await JobCluster.StartAsync(root, fastReminders: true);
            second.Time.Advance(2 * JobCluster.Lease);
            var job = second.Grains.GetGrain<IEvaluationJobGrain>(lease.JobId);

            Assert.True(await EventuallyAsync(second, async () => (await job.Get())!.Status == JobStatus.Queued));
            Assert.Equal(2, (await job.Get())!.Attempt);
            Assert.Equal(new QueueCounts(1, 0), await second.Grains.GetGrain<IJobQueueGrain>(partition).Count());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Waits for a reminder's effect: reminders tick on the wall clock, so this waits on it, a tick at a time.</summary>
    private static async Task<bool> EventuallyAsync(JobCluster cluster, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            cluster.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        return false;
    }
}
