using System.Net;
using ModelGrid.Api;
using ModelGrid.Evaluations;
using ModelGrid.FunctionalTests.Api;
using ModelGrid.Hub;

namespace ModelGrid.FunctionalTests.Web;

/// <summary>What the server renders: private models hidden, cards made inert, forms guarded, the session's cookie, an evaluation submitted from a page.</summary>
[Collection(GridAppGroup.Name)]
public sealed class PagesTests(GridAppFactory app)
{
    private const string HostileCard = """
        ---
        license: MIT
        ---
        # Hostile card

        Described <script>document.title = 'owned'</script> here.

        <img src="x.png" onerror="alert(1)"> <a href="javascript:alert(2)" onclick="alert(3)">click</a>
        <img src="https://elsewhere.example/track.png" alt="tracker">

        [also](javascript:alert(4))
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PrivateModel_IsHiddenFromAnonymousAndOtherOwners_AndShownToItsReader()
    {
        var model = await HubTestModel.CreateAsync(app, ModelVisibility.Private);
        await model.PublishAsync(HubTestModel.RandomFile("w.bin", 8));
        var other = await app.TokenAsync($"other{Guid.NewGuid():N}"[..20], "publish");
        using var anonymous = new PageBrowser(app);
        using var stranger = new PageBrowser(app);
        using var owner = new PageBrowser(app);
        Assert.Equal(HttpStatusCode.SeeOther, await stranger.SignInAsync(other));
        Assert.Equal(HttpStatusCode.SeeOther, await owner.SignInAsync(model.Token));
        var listing = $"/?owner={model.Id.Owner}";
        var page = $"/models/{model.Id.Owner}/{model.Id.Name}";

        foreach (var visitor in new[] { anonymous, stranger })
        {
            var (homeStatus, home) = await visitor.GetAsync(listing);
            var (status, hidden) = await visitor.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, homeStatus);
            Assert.Empty(home.QuerySelectorAll("article.model-item"));
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal("Model not found", hidden.QuerySelector("main h1")?.TextContent);
            Assert.Null(hidden.QuerySelector("#card"));
        }

        var (_, listed) = await owner.GetAsync(listing);
        var (ownStatus, own) = await owner.GetAsync(page);
        Assert.Equal([$"/models/{model.Id.Owner}/{model.Id.Name}"], listed.QuerySelectorAll("article.model-item h2 a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal(["w.bin"], own.QuerySelectorAll("#files tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.Equal($"/api/v1/models/{model.Id.Owner}/{model.Id.Name}/versions/1/files/w.bin", own.QuerySelector("#files a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ModelPage_CardWithScriptsAndEventAttributes_RendersInert()
    {
        var model = await HubTestModel.CreateAsync(app);
        var file = HubTestModel.RandomFile("w.bin", 8);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([file.File], HostileCard), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "w.bin", new MemoryStream(file.Bytes), 8, file.File.Sha256, cancellationToken: Ct);
        await model.Client.PublishAsync(model.Id, draft.Number, Ct);
        using var browser = new PageBrowser(app);

        var (status, page) = await browser.GetAsync($"/models/{model.Id.Owner}/{model.Id.Name}");

        Assert.Equal(HttpStatusCode.OK, status);
        var card = page.QuerySelector("section#card")!;
        Assert.Equal("Hostile card", card.QuerySelector("h1")?.TextContent);
        Assert.Contains("Described", card.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.DoesNotContain(card.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(card.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!), h => h.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["x.png"], card.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")));
        Assert.Equal($"{model.Id} · ModelGrid", page.Title);
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlySameSiteStrictSession_AndAWrongTokenStartsNone()
    {
        var model = await HubTestModel.CreateAsync(app);
        using var browser = new PageBrowser(app);
        using var wrong = new PageBrowser(app);

        var status = await browser.SignInAsync(model.Token);
        var cookie = browser.Last!.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("grid_session=", StringComparison.Ordinal));
        var location = browser.Last.Headers.Location?.OriginalString;
        var (_, home) = await browser.GetAsync("/");
        var wrongStatus = await wrong.SignInAsync("mgt_nope_nope");
        var (_, wrongPage) = await wrong.GetAsync("/");

        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Equal("/", location);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.DoesNotContain("secure", attributes);
        Assert.DoesNotContain(model.Token, cookie, StringComparison.Ordinal);
        Assert.Equal(model.Id.Owner, home.QuerySelector("header .who")?.TextContent.Split(' ')[0]);
        Assert.NotNull(home.QuerySelector("header form#signout"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongStatus);
        Assert.Equal("Sign in", wrongPage.QuerySelector("header a[href='/signin']")?.TextContent);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var model = await HubTestModel.CreateAsync(app);
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(model.Token);
        var (_, home) = await browser.GetAsync("/");

        var (status, _) = await browser.SubmitAsync(home, "form#signout");
        var (_, after) = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Null(after.QuerySelector("form#signout"));
        Assert.NotNull(after.QuerySelector("header a[href='/signin']"));
    }

    [Fact]
    public async Task Forms_PostedWithoutTheirAntiforgeryToken_AreRejectedWithAPage_AndDoNothing()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(EvaluationCalls.SampleFile("compas-recidivism", 4), EvaluationCalls.Unique());
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(model.Token);

        var (signIn, signInPage) = await browser.PostAsync("/signin", [new("token", model.Token)]);
        var (submit, submitPage) = await browser.PostAsync("/evaluations", [new("model", model.Id.ToString()), new("suite", "compas-recidivism"), new("version", "1")]);
        var (forged, _) = await browser.PostAsync("/evaluations", [new("model", model.Id.ToString()), new("suite", "compas-recidivism"), new("__antiforgery", "CfDJ8forged")]);
        var jobs = await app.Client(model.Token).ListEvaluationsAsync(model.Id, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, signIn);
        Assert.Equal("Form rejected", signInPage.QuerySelector("main h1")?.TextContent);
        Assert.Contains("antiforgery token", signInPage.QuerySelector("main [role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, submit);
        Assert.Equal("Form rejected", submitPage.QuerySelector("main h1")?.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, forged);
        Assert.Empty(jobs.Items);
    }

    [Fact]
    public async Task ModelPage_SignedInUser_SubmitsAnEvaluation_WatchesItsJob_AndSeesTheVerifiedResult()
    {
        var model = await HubTestModel.CreateAsync(app);
        await model.PublishAsync(EvaluationCalls.SampleFile("compas-recidivism", 4), EvaluationCalls.Unique());
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(model.Token);
        var path = $"/models/{model.Id.Owner}/{model.Id.Name}";
        var (_, before) = await browser.GetAsync(path);

        var (status, _) = await browser.SubmitAsync(before, "form#submit-evaluation", new Dictionary<string, string> { ["suite"] = "compas-recidivism" });
        var location = browser.Last!.Headers.Location!.OriginalString;
        var jobId = Guid.Parse(location["/evaluations/".Length..]);
        var (_, queued) = await browser.GetAsync(location);
        var done = await new EvaluationCalls(app).WaitAsync(jobId);
        var (jobStatus, finished) = await browser.GetAsync(location);
        var (_, after) = await browser.GetAsync(path);
        var (_, queue) = await browser.GetAsync("/evaluations");

        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Matches("^/evaluations/[0-9a-f-]{36}$", location);
        Assert.Equal(JobStatus.Succeeded, done.Job.Status);
        if (queued.QuerySelector("#job-status")?.TextContent != "succeeded")
        {
            Assert.Equal("2", queued.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        }

        Assert.Equal(HttpStatusCode.OK, jobStatus);
        Assert.Equal("succeeded", finished.QuerySelector("#job-status")?.TextContent);
        Assert.Null(finished.QuerySelector("meta[http-equiv=refresh]"));
        Assert.NotEmpty(finished.QuerySelectorAll("#result-metrics tbody tr"));
        Assert.NotNull(finished.QuerySelector("#log"));
        var verified = after.QuerySelectorAll("#results tbody tr.verified").ToList();
        Assert.NotEmpty(verified);
        Assert.All(verified, row => Assert.Equal($"/evaluations/{jobId:D}", row.QuerySelector("a")?.GetAttribute("href")));
        Assert.Contains(queue.QuerySelectorAll("#queue tbody tr a"), a => a.GetAttribute("href") == location);
    }
}
