using Microsoft.AspNetCore.Http;
using ModelGrid.Silo.Hub;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Silo.Tests.Hub;

public sealed class RangeDecisionTests
{
    private const string ETag = "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"";

    [Fact]
    public void Decide_NoRange_Full()
    {
        Assert.Equal(new RangeDecision(RangeOutcome.Full, new ByteRange(0, 100)), RangeDecision.Decide(Request(), 100, ETag));
    }

    [Theory]
    [InlineData("bytes=0-9", 0, 10)]
    [InlineData("bytes=10-", 10, 90)]
    [InlineData("bytes=-5", 95, 5)]
    [InlineData("bytes=99-99", 99, 1)]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=90-500", 90, 10)]
    [InlineData("bytes=-500", 0, 100)]
    [InlineData("bytes=0-99", 0, 100)]
    [InlineData("Bytes=5-6", 5, 2)]
    [InlineData("bytes= 3 - 4 ", 3, 2)]
    public void Decide_SatisfiableRange_Partial(string range, long offset, long length)
    {
        var decision = RangeDecision.Decide(Request(range), 100, ETag);

        Assert.Equal(new RangeDecision(RangeOutcome.Partial, new ByteRange(offset, length)), decision);
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=100-200")]
    [InlineData("bytes=500-")]
    [InlineData("bytes=-0")]
    public void Decide_RangeOutsideContent_Unsatisfiable(string range)
    {
        Assert.Equal(RangeOutcome.Unsatisfiable, RangeDecision.Decide(Request(range), 100, ETag).Outcome);
    }

    [Fact]
    public void Decide_ZeroLengthFileWithoutRange_FullAndEmpty()
    {
        Assert.Equal(new RangeDecision(RangeOutcome.Full, new ByteRange(0, 0)), RangeDecision.Decide(Request(), 0, ETag));
    }

    [Theory]
    [InlineData("bytes=0-")]
    [InlineData("bytes=0-0")]
    [InlineData("bytes=-5")]
    public void Decide_ZeroLengthFileWithRange_FullAndEmpty(string range)
    {
        Assert.Equal(new RangeDecision(RangeOutcome.Full, new ByteRange(0, 0)), RangeDecision.Decide(Request(range), 0, ETag));
    }

    [Fact]
    public void Decide_EndBeyondALong_IsClampedToTheEnd()
    {
        Assert.Equal(new RangeDecision(RangeOutcome.Partial, new ByteRange(10, 90)), RangeDecision.Decide(Request("bytes=10-99999999999999999999"), 100, ETag));
    }

    [Fact]
    public void Decide_StartBeyondALong_Unsatisfiable()
    {
        Assert.Equal(RangeOutcome.Unsatisfiable, RangeDecision.Decide(Request("bytes=99999999999999999999-"), 100, ETag).Outcome);
    }

    [Theory]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("bytes=0-1, 500-600")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5")]
    [InlineData("bytes=-")]
    [InlineData("bytes=9-2")]
    [InlineData("bytes=+1-2")]
    [InlineData("bytes=1--2")]
    [InlineData("bytes=--2")]
    [InlineData("items=0-9")]
    [InlineData("0-9")]
    public void Decide_MultiOrMalformedRange_Full(string range)
    {
        Assert.Equal(new RangeDecision(RangeOutcome.Full, new ByteRange(0, 100)), RangeDecision.Decide(Request(range), 100, ETag));
    }

    [Fact]
    public void Decide_IfRangeMatchesETag_Partial()
    {
        var request = Request("bytes=50-");
        request.Headers.IfRange = ETag;

        Assert.Equal(new RangeDecision(RangeOutcome.Partial, new ByteRange(50, 50)), RangeDecision.Decide(request, 100, ETag));
    }

    [Theory]
    [InlineData("\"0000000000000000000000000000000000000000000000000000000000000000\"")]
    [InlineData("W/" + ETag)]
    [InlineData("Wed, 21 Oct 2015 07:28:00 GMT")]
    public void Decide_IfRangeDoesNotMatch_Full(string ifRange)
    {
        var request = Request("bytes=50-");
        request.Headers.IfRange = ifRange;

        Assert.Equal(new RangeDecision(RangeOutcome.Full, new ByteRange(0, 100)), RangeDecision.Decide(request, 100, ETag));
    }

    [Theory]
    [InlineData(ETag)]
    [InlineData("*")]
    [InlineData("\"other\", " + ETag)]
    [InlineData("\"other\"," + ETag + ",\"third\"")]
    [InlineData("W/" + ETag)]
    public void MatchesIfNoneMatch_TagOrAny_True(string ifNoneMatch)
    {
        var request = Request();
        request.Headers.IfNoneMatch = ifNoneMatch;

        Assert.True(RangeDecision.MatchesIfNoneMatch(request, ETag));
    }

    [Fact]
    public void MatchesIfNoneMatch_TagInSecondHeaderLine_True()
    {
        var request = Request();
        request.Headers.IfNoneMatch = new(["\"other\"", ETag]);

        Assert.True(RangeDecision.MatchesIfNoneMatch(request, ETag));
    }

    [Theory]
    [InlineData("\"other\"")]
    [InlineData("\"other\", W/\"another\"")]
    [InlineData("\"E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855\"")]
    public void MatchesIfNoneMatch_OtherTags_False(string ifNoneMatch)
    {
        var request = Request();
        request.Headers.IfNoneMatch = ifNoneMatch;

        Assert.False(RangeDecision.MatchesIfNoneMatch(request, ETag));
    }

    [Fact]
    public void MatchesIfNoneMatch_NoHeader_False()
    {
        Assert.False(RangeDecision.MatchesIfNoneMatch(Request(), ETag));
    }

    private static HttpRequest Request(string? range = null)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = HttpMethods.Get;
        if (range is not null)
        {
            request.Headers.Range = range;
        }

        return request;
    }
}
