using ModelGrid.Silo.Evaluation;
using Options = Microsoft.Extensions.Options.Options;

namespace ModelGrid.Silo.Tests.Evaluation;

public sealed class SubmissionLimiterTests
{
    [Fact]
    public void TryAcquire_BeyondTheLimit_RefusedWithTheWindowAsRetryAfter_OtherTokensUnaffected()
    {
        using var limiter = new SubmissionLimiter(Options.Create(new EvaluationOptions { SubmissionsPerMinute = 2 }));

        var first = limiter.TryAcquire("t1", out var none);
        var second = limiter.TryAcquire("t1", out _);
        var refused = limiter.TryAcquire("t1", out var retryAfter);
        var otherToken = limiter.TryAcquire("t2", out _);

        Assert.True(first);
        Assert.Equal(TimeSpan.Zero, none);
        Assert.True(second);
        Assert.False(refused);
        Assert.Equal(TimeSpan.FromMinutes(1), retryAfter);
        Assert.True(otherToken);
    }
}
