using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ModelGrid.Silo.Worker;

namespace ModelGrid.Silo.Tests.Worker;

public sealed class WorkerBackoffTests
{
    private static readonly WorkerBackoffOptions Settings = new() { FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), MaxAttempts = 5 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_StorageRefusesTwice_TriesAgainAfterGrowingPausesAndReturnsTheResult()
    {
        var time = new FakeTimeProvider();
        var backoff = New(time);
        var calls = new List<DateTimeOffset>();

        var run = backoff.RunAsync("storing", _ =>
        {
            calls.Add(time.GetUtcNow());
            return calls.Count <= 2 ? throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) : ValueTask.FromResult(42);
        }, Ct).AsTask();
        var result = await AdvanceUntilDoneAsync(time, run);

        Assert.Equal(42, result);
        Assert.Equal(3, calls.Count);
        // Each retry waited for the clock (how long is the jittered schedule's; the clock here moves in steps).
        Assert.All(calls.Zip(calls.Skip(1), (a, b) => b - a), p => Assert.True(p > TimeSpan.Zero));
    }

    [Fact]
    public async Task RunAsync_StorageAwayPastTheAttempts_FailureStandsAfterMaxAttemptsRetries()
    {
        var time = new FakeTimeProvider();
        var backoff = New(time);
        var calls = 0;

        var run = backoff.RunAsync<int>("storing", _ =>
        {
            calls++;
            throw new Azure.RequestFailedException(0, "connection refused");
        }, Ct).AsTask();
        var failure = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => AdvanceUntilDoneAsync(time, run));

        Assert.Equal("connection refused", failure.Message);
        Assert.Equal(1 + Settings.MaxAttempts, calls);
    }

    [Fact]
    public async Task RunAsync_FailureThatIsNotAnOutage_PassesAtOnce()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => New(new FakeTimeProvider()).RunAsync<int>("recording", _ =>
        {
            calls++;
            throw new InvalidOperationException("the job grain refused");
        }, Ct).AsTask());

        Assert.Equal(1, calls);
    }

    [Fact]
    public void Validate_FirstDelayLongerThanMaxDelay_OneLineNamingBoth()
    {
        var options = new WorkerBackoffOptions { FirstDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(2) };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(["Grid:Worker:Backoff:FirstDelay (00:00:05) is longer than Grid:Worker:Backoff:MaxDelay (00:00:02); the pauses grow from the first to the longest"], results.Select(r => r.ErrorMessage));
    }

    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var options = new WorkerBackoffOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    private static WorkerBackoff New(TimeProvider time) => new(Options.Create(Settings), time, NullLogger<WorkerBackoff>.Instance);

    /// <summary>Moves the fake clock on in small steps until the run ends: each pause ends when the clock passes it.</summary>
    private static async Task<T> AdvanceUntilDoneAsync<T>(FakeTimeProvider time, Task<T> run)
    {
        for (var step = 0; !run.IsCompleted && step < 10_000; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        return await run;
    }
}
