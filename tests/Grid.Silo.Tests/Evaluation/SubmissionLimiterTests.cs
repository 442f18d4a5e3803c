using Microsoft.Extensions.Time.Testing;
using ModelGrid.Silo.Evaluation;
using Options = Microsoft.Extensions.Options.Options;

namespace ModelGrid.Silo.Tests.Evaluation;

public sealed class SubmissionLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_BeyondTheLimit_RefusedWithTheTimeLeftInTheWindow_ThenAllowedWhenItEnds()
    {
        var limiter = new SubmissionLimiter(Options.Create(new EvaluationOptions { SubmissionsPerMinute = 2 }), _time);

        Assert.True(limiter.TryAcquire("t1", out _));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.TryAcquire("t1", out _));
        _time.Advance(TimeSpan.FromSeconds(15.5));
        var refused = limiter.TryAcquire("t1", out var retryAfter);
        var otherToken = limiter.TryAcquire("t2", out _);
        _time.Advance(retryAfter - TimeSpan.FromTicks(1));
        var justBefore = limiter.TryAcquire("t1", out var stillLeft);
        _time.Advance(TimeSpan.FromTicks(1));
        var after = limiter.TryAcquire("t1", out _);

        Assert.False(refused);
        Assert.Equal(TimeSpan.FromSeconds(24.5), retryAfter);
        Assert.True(otherToken);
        Assert.False(justBefore);
        Assert.Equal(TimeSpan.FromTicks(1), stillLeft);
        Assert.True(after);
    }
}
