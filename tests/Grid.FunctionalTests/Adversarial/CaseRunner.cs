namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// Runs one case: lists the data folder, sends the request, checks the status, the problem body of an error and that
/// no answer may be content-sniffed, lets the case settle (a job it started finishes), lists the folder again and
/// checks that it changed only where the case may write, and checks that the silo still answers <c>/health</c>. With
/// <c>expectAny</c> any status passes (the case compares it with another answer), but an error must still be a
/// proper problem.
/// </summary>
public sealed class CaseRunner(AdversarialGrid grid)
{
    public async Task<WireResponse> RunAsync(WireRequest request, Outcome expected, WriteScope writes, Func<WireResponse, Task>? settle = null, bool expectAny = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(writes);
        var before = grid.Snapshot();
        var response = await grid.SendAsync(request);
        Assert.True(expectAny || response.Status == expected.Status, $"{request}: expected {expected}, got {response}");
        Assert.True(response.Status == 0 || response.Header("X-Content-Type-Options") == "nosniff", $"{request}: the answer lacks X-Content-Type-Options: nosniff: {response}");
        if (response.Status >= 400)
        {
            if (request.Method == "HEAD")
            {
                Assert.Empty(response.Body);
            }
            else
            {
                ProblemBody.Check(request, response, expectAny ? new Outcome(response.Status) : expected, grid);
            }
        }

        if (settle is not null)
        {
            await settle(response);
        }

        writes.Check(request.ToString(), before.Diff(grid.Snapshot()));
        await grid.AssertHealthyAsync();
        return response;
    }
}
