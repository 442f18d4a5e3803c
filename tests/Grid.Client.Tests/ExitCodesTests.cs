using System.Net;

namespace ModelGrid.Client.Tests;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 2)]
    [InlineData(HttpStatusCode.LengthRequired, 2)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, 2)]
    [InlineData(HttpStatusCode.RequestedRangeNotSatisfiable, 2)]
    [InlineData(HttpStatusCode.UnprocessableEntity, 2)]
    [InlineData(HttpStatusCode.Unauthorized, 4)]
    [InlineData(HttpStatusCode.Forbidden, 4)]
    [InlineData(HttpStatusCode.NotFound, 3)]
    [InlineData(HttpStatusCode.Gone, 3)]
    [InlineData(HttpStatusCode.Conflict, 5)]
    [InlineData(HttpStatusCode.PreconditionFailed, 5)]
    [InlineData(HttpStatusCode.TooManyRequests, 8)]
    [InlineData(HttpStatusCode.InternalServerError, 1)]
    [InlineData(HttpStatusCode.BadGateway, 1)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    [InlineData(HttpStatusCode.MethodNotAllowed, 1)]
    public void ForStatus_ErrorStatus_MapsToDocumentedCode(HttpStatusCode status, int expected)
    {
        Assert.Equal(expected, ExitCodes.ForStatus(status));
    }

    [Fact]
    public void Codes_AreDistinct()
    {
        int[] codes =
        [
            ExitCodes.Success, ExitCodes.Failure, ExitCodes.Usage, ExitCodes.NotFound, ExitCodes.Unauthorized,
            ExitCodes.Conflict, ExitCodes.VerificationFailed, ExitCodes.Unreachable, ExitCodes.RateLimited,
            ExitCodes.EvaluationFailed, ExitCodes.TimedOut, ExitCodes.DamagedState, ExitCodes.Interrupted,
        ];

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 130], codes);
    }
}
