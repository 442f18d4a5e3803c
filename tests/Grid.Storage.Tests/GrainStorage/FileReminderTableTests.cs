using ModelGrid.Storage.Blobs;
using ModelGrid.Storage.GrainStorage;
using ModelGrid.Testing;

namespace ModelGrid.Storage.Tests.GrainStorage;

public sealed class FileReminderTableTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _root = TestPaths.NewTempFolder("reminders");

    [Fact]
    public async Task UpsertRow_ThenANewTableOnTheSameFolder_ReadsTheSameRows()
    {
        var job = GrainId.Create("evaluation-job", Guid.NewGuid().ToString("N"));
        var queue = GrainId.Create("job-queue", "gpu-0");
        string etag;
        using (var table = NewTable())
        {
            await table.UpsertRow(Entry(job, "follow-ups", TimeSpan.FromMinutes(1)));
            etag = (await table.UpsertRow(Entry(queue, "lease-watchdog", TimeSpan.FromMinutes(2))))!;
        }

        using var reopened = NewTable();
        var row = await reopened.ReadRow(queue, "lease-watchdog");
        var all = await reopened.ReadRows(0, 0);

        Assert.NotNull(row);
        Assert.Equal((queue, "lease-watchdog", Start, TimeSpan.FromMinutes(2), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(2, all.Reminders.Count);
        Assert.Equal("follow-ups", Assert.Single((await reopened.ReadRows(job)).Reminders).ReminderName);
        Assert.Null(await reopened.ReadRow(job, "other"));
    }

    [Fact]
    public async Task RemoveRow_OnlyWithTheCurrentETag_AndTheRemovalIsKept()
    {
        var job = GrainId.Create("evaluation-job", Guid.NewGuid().ToString("N"));
        using (var table = NewTable())
        {
            var first = (await table.UpsertRow(Entry(job, "follow-ups", TimeSpan.FromMinutes(1))))!;
            var second = (await table.UpsertRow(Entry(job, "follow-ups", TimeSpan.FromMinutes(1))))!;

            Assert.NotEqual(first, second);
            Assert.False(await table.RemoveRow(job, "follow-ups", first));
            Assert.True(await table.RemoveRow(job, "follow-ups", second));
            Assert.False(await table.RemoveRow(job, "follow-ups", second));
        }

        using var reopened = NewTable();
        Assert.Empty((await reopened.ReadRows(job)).Reminders);
    }

    [Fact]
    public async Task ReadRows_HashRange_TakesTheRowsInsideIt_WrappingAroundWhenBeginIsNotBelowEnd()
    {
        using var table = NewTable();
        var grains = Enumerable.Range(0, 20).Select(i => GrainId.Create("job-queue", $"cpu-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "lease-watchdog", TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var middle = hashes[10];

        var lower = await table.ReadRows(0, middle);
        var wrapped = await table.ReadRows(middle, 0);

        Assert.Equal(hashes.Where(h => h > 0 && h <= middle), lower.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
        Assert.Equal(hashes.Where(h => h > middle || h == 0), wrapped.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
        Assert.Equal(20, lower.Reminders.Count + wrapped.Reminders.Count);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = period };

    private FileReminderTable NewTable() => new(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Root = _root, Durable = false }));
}
