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

    [Fact]
    public async Task VersionPage_ListsCardRevisions_AndTheirDiffMarksTheChangedLines()
    {
        const string card = "---\nlicense: MIT\n---\n# Model\n\nFirst.\nKept.\n";
        var model = await HubTestModel.CreateAsync(app);
        var file = HubTestModel.RandomFile("w.bin", 8);
        var draft = await model.Client.CreateDraftAsync(model.Id, new CreateDraftRequest([file.File], card), Ct);
        await model.Client.UploadFileAsync(model.Id, draft.Number, "w.bin", new MemoryStream(file.Bytes), 8, file.File.Sha256, cancellationToken: Ct);
        await model.Client.PublishAsync(model.Id, draft.Number, Ct);
        using var revised = new StringContent(card.Replace("First.", "Second.", StringComparison.Ordinal), System.Text.Encoding.UTF8, "text/markdown");
        (await app.Http(model.Token).PostAsync(new Uri($"{model.Path}/versions/1/cards", UriKind.Relative), revised, Ct)).EnsureSuccessStatusCode();
        using var browser = new PageBrowser(app);
        var version = $"/models/{model.Id.Owner}/{model.Id.Name}/versions/1";

        var (status, page) = await browser.GetAsync(version);
        var (diffStatus, diff) = await browser.GetAsync($"{version}/cards/diff?from=1&to=2");
        var (missing, _) = await browser.GetAsync($"{version}/cards/diff?from=1&to=9");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["r1", "r2"], page.QuerySelectorAll("#card-revisions tbody tr td:first-child").Select(td => td.TextContent));
        Assert.NotNull(page.QuerySelector("table#evaluations"));
        Assert.Equal(HttpStatusCode.OK, diffStatus);
        Assert.Equal(["Second."], diff.QuerySelectorAll("#card-diff ins").Select(e => e.TextContent));
        Assert.Equal(["First."], diff.QuerySelectorAll("#card-diff del").Select(e => e.TextContent));
        Assert.Contains("Kept.", diff.QuerySelectorAll("#card-diff span").Select(e => e.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public void LineDiff_KeepsTheLongestCommonLines_AndMarksTheRest()
    {
        var diff = ModelGrid.Silo.Web.LineDiff.Compute("a\nb\nc\nd\n", "a\nc\nx\nd\n");

        Assert.Equal(
            ["  a", "- b", "  c", "+ x", "  d"],
            diff.Select(l => (l.Kind switch { ModelGrid.Silo.Web.DiffLineKind.Added => "+ ", ModelGrid.Silo.Web.DiffLineKind.Removed => "- ", _ => "  " }) + l.Text));
    }

    [Fact]
    public async Task Home_FiltersByLicenceAndTask_AndSortsByEvaluations()
    {
        var owner = $"h{Guid.NewGuid():N}"[..14];
        var token = await app.TokenAsync(owner, "read", "publish");
        var client = app.Client(token);
        await client.CreateModelAsync(new CreateModelRequest(owner, "mit-vision", Task: "image-classification", License: "MIT"), Ct);
        await client.CreateModelAsync(new CreateModelRequest(owner, "apache-tabular", Task: "tabular-classification", License: "Apache-2.0"), Ct);
        await client.CreateModelAsync(new CreateModelRequest(owner, "evaluated", Task: "tabular-classification", License: "Apache-2.0"), Ct);
        var id = new ModelId(owner, "evaluated");
        var sample = EvaluationCalls.SampleFile("compas-recidivism", 4);
        var unique = EvaluationCalls.Unique();
        var draft = await client.CreateDraftAsync(id, new CreateDraftRequest([sample.File, unique.File]), Ct);
        foreach (var (file, bytes) in new[] { sample, unique })
        {
            await client.UploadFileAsync(id, draft.Number, file.Path, new MemoryStream(bytes), bytes.Length, file.Sha256, cancellationToken: Ct);
        }

        await client.PublishAsync(id, draft.Number, Ct);
        var job = await new EvaluationCalls(app).SubmitViewAsync(token, new SubmitEvaluationRequest($"{owner}/evaluated", "compas-recidivism"));
        await new EvaluationCalls(app).WaitAsync(job.Job.Id);
        using var browser = new PageBrowser(app);

        static IEnumerable<string> Listed(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("article.model-item h2 a").Select(a => a.TextContent);
        var (_, mit) = await browser.GetAsync($"/?owner={owner}&license=mit");
        var (_, tabular) = await browser.GetAsync($"/?owner={owner}&task=tabular-classification");
        var (_, ranked) = await browser.GetAsync($"/?owner={owner}&sort=evaluated");

        Assert.Equal([$"{owner}/mit-vision"], Listed(mit));
        Assert.Equal([$"{owner}/apache-tabular", $"{owner}/evaluated"], Listed(tabular).Order(StringComparer.Ordinal));
        Assert.Equal($"{owner}/evaluated", Listed(ranked).First());
        Assert.Equal("evaluated", ranked.QuerySelector("select#sort option[selected]")?.GetAttribute("value"));
    }
}
