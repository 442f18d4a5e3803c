using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Evaluation;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Silo.Web.Pages;

namespace ModelGrid.Silo.Web.Leaderboards;

/// <summary>
/// <c>/suites/{id}/leaderboard[?hardware=]</c>: the leaderboard page, from the same <see cref="LeaderboardQueries"/> as
/// its JSON twin. A refusal (an unknown suite, a kind without a leaderboard) is the page's message, with the API's status.
/// </summary>
public static class LeaderboardEndpoint
{
    /// <summary>Maps the page as a GET endpoint of the browser pages.</summary>
    /// <param name="app">The app.</param>
    public static WebApplication MapLeaderboardPage(this WebApplication app)
    {
        app.MapGet("/suites/{id}/leaderboard", LeaderboardAsync).ExcludeFromDescription().WithMetadata(WebPage.Instance);
        return app;
    }

    /// <summary>Answers the page.</summary>
    public static async Task<IResult> LeaderboardAsync(string id, string? hardware, HttpContext context, LeaderboardQueries leaderboards)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var board = await leaderboards.GetAsync(context.Caller(), id, string.IsNullOrWhiteSpace(hardware) ? null : hardware, context.RequestAborted);
            return WebResults.Page<LeaderboardPage>(StatusCodes.Status200OK, new Dictionary<string, object?> { [nameof(LeaderboardPage.Board)] = board });
        }
        catch (HubException e)
        {
            var status = HubExceptionHandler.StatusOf(e.Kind);
            return WebResults.Page<LeaderboardPage>(status, new Dictionary<string, object?> { [nameof(LeaderboardPage.Problem)] = new PageProblem(status, e.Title, e.Message) });
        }
    }
}
