using System.Text.RegularExpressions;
using ModelGrid.Evaluations;
using static Microsoft.Playwright.Assertions;

namespace ModelGrid.BrowserTests;

/// <summary>A signed-in user submits an evaluation from the model page and watches its job page until it finishes.</summary>
public sealed partial class EvaluationSubmissionTests(BrowserFixture browser, HubFixture hub)
{
    private const string Suite = "adult-income";

    [Fact]
    public async Task A_signed_in_user_submits_an_evaluation_from_the_model_page_and_the_job_page_shows_it_finish()
    {
        Browsing.Configure();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Signed out, the model page offers no way to submit.
        await page.GotoAsync(hub.At($"/models/{HubData.AdultCopy}"));
        await Expect(page.Locator("section#card")).ToBeVisibleAsync();
        await Expect(page.Locator("form#submit-evaluation [type=submit]")).ToHaveCountAsync(0);

        await Browsing.SignInAsync(page, hub, hub.Data.AliceToken);
        await page.GotoAsync(hub.At($"/models/{HubData.AdultCopy}"));
        var form = page.Locator("form#submit-evaluation");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("select[name=suite]").SelectOptionAsync(Suite);
        await Screenshots.SaveAsync(page, "model-signed-in");
        await Task.WhenAll(
            page.WaitForURLAsync(url => JobPage().IsMatch(new Uri(url).AbsolutePath), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit }),
            form.Locator("[type=submit]").ClickAsync());

        var id = Guid.Parse(JobPage().Match(new Uri(page.Url).AbsolutePath).Groups["id"].Value);
        var job = await hub.Admin.GetEvaluationAsync(id, withResult: false, TestContext.Current.CancellationToken);
        Assert.Equal(HubData.AdultCopy, job.Job.Spec.Model);
        Assert.Equal(Suite, job.Job.Spec.SuiteId);

        // Watch the job page as a person would: it reloads itself until the job is final (the demo's jobs may be ahead).
        var status = page.Locator("#job-status");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        var shown = "";
        while (!Regex.IsMatch(shown, "^(succeeded|failed|cancelled)$"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {id} did not finish within 150 s; the page says '{shown}'");
            try
            {
                shown = (await status.TextContentAsync(new() { Timeout = 5_000 }))?.Trim() ?? "";
            }
            catch (Microsoft.Playwright.PlaywrightException)
            {
                // Caught between two of the page's own reloads.
            }

            await page.WaitForTimeoutAsync(500);
        }

        job = await hub.Admin.GetEvaluationAsync(id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(JobStatus.Succeeded, job.Job.Status);
        Assert.Equal("succeeded", shown);

        // The result table shows the figures the API reports.
        Assert.NotNull(job.Result);
        var accuracy = job.Result.Metrics.First(m => m.Name == "accuracy");
        var row = page.Locator("table#result-metrics tbody tr").Filter(new() { Has = page.GetByRole(Microsoft.Playwright.AriaRole.Cell, new() { Name = "accuracy", Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        var (value, decimals) = Browsing.Numbers(await row.Locator("td").Nth(1).InnerTextAsync())[0];
        Assert.True(Math.Abs(value - accuracy.Value) <= 0.5 * Math.Pow(10, -decimals) + 1e-12, $"the page shows accuracy {value}, the API {accuracy.Value}");
        await Screenshots.SaveAsync(page, "job");

        await page.GotoAsync(hub.At("/evaluations"));
        await Expect(page.Locator("table#queue")).ToContainTextAsync(HubData.AdultCopy.ToString());
        await Screenshots.SaveAsync(page, "evaluations");
    }

    [GeneratedRegex("^/evaluations/(?<id>[0-9a-fA-F-]{32,36})$")]
    private static partial Regex JobPage();
}
