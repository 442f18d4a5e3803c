using System.Net.Sockets;
using ModelGrid.Silo.Infrastructure;
using Orleans.Runtime.Messaging;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class SiloFailuresTests
{
    public static TheoryData<Exception> ClusterChanges => new()
    {
        new SiloUnavailableException("gone"),
        new ConnectionFailedException("refused"),
        new InvalidOperationException("wrapped", new ConnectionFailedException("refused")),
        new AggregateException(new InvalidOperationException("other"), new SiloUnavailableException("gone")),
    };

    [Theory]
    [MemberData(nameof(ClusterChanges))]
    public void IsClusterChange_DeadOrLeavingSilo_True(Exception failure)
    {
        Assert.True(SiloFailures.IsClusterChange(failure));
        Assert.True(SiloFailures.IsTransient(failure));
    }

    [Fact]
    public void IsStorageOutage_RefusedConnectionOr5xx_True()
    {
        Assert.True(SiloFailures.IsStorageOutage(new Azure.RequestFailedException(0, "connection refused")));
        Assert.True(SiloFailures.IsStorageOutage(new Azure.RequestFailedException(503, "busy")));
        Assert.True(SiloFailures.IsStorageOutage(new InvalidOperationException("write failed", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)))));
    }

    [Fact]
    public void IsCallTimeout_GrainCallNotAnsweredInTime_TrueAndTransient()
    {
        // What Orleans throws when a grain does not answer within the response timeout, e.g. one waiting on storage.
        var timeout = new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request ... IEvaluationJobGrain.Get()");

        Assert.True(SiloFailures.IsCallTimeout(timeout));
        Assert.True(SiloFailures.IsCallTimeout(new InvalidOperationException("wrapped", timeout)));
        Assert.True(SiloFailures.IsTransient(timeout));
        Assert.False(SiloFailures.IsStorageOutage(timeout));
    }

    [Fact]
    public void IsCallTimeout_HttpClientTimeout_False()
    {
        // HttpClient's own timeout: a cancelled request wrapping a TimeoutException, not a grain that did not answer.
        var cancelled = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException("The operation was canceled."));

        Assert.False(SiloFailures.IsCallTimeout(cancelled));
        Assert.False(SiloFailures.IsTransient(cancelled));
    }

    [Fact]
    public void IsTransient_AnswersThatWillNotChange_False()
    {
        Assert.False(SiloFailures.IsTransient(new Azure.RequestFailedException(412, "condition not met")));
        Assert.False(SiloFailures.IsTransient(new InvalidOperationException("a bug")));
        Assert.False(SiloFailures.IsTransient(null));
    }

    [Fact]
    public void RetryBudget_DefaultTimings_ProbesUntilDeathPlusATableRefresh()
    {
        // 2 s × (2 missed + 1) + 5 s.
        Assert.Equal(TimeSpan.FromSeconds(11), SiloFailureRetryFilter.RetryBudget(new GridClusterOptions()));
    }
}
