using System.Diagnostics;
using System.Globalization;
using System.Text;
using ModelGrid.Benchmarks.Hub;

namespace ModelGrid.Benchmarks.Web;

/// <summary>
/// Starts the silo with its demo (the sample models and their 12 evaluations, offline from the shared folder), waits
/// until the demo's results are recorded, then times each page and its JSON twin in interleaved rounds, one request at
/// a time (each time to the last byte of the body, over one kept-alive connection), after 5 warm-up requests each.
/// Checks: every answer is 200 and every page holds the markup that shows it rendered its data.
/// </summary>
public static class PagesBenchmark
{
    public const double GoalMs = 200;
    private const int WarmUp = 5;
    private const string Compas = "demo/compas-recidivism";

    public static IReadOnlyList<PageTarget> Targets { get; } =
    [
        new("home", "/", "/api/v1/models", "class=\"model-item\""),
        new("model", $"/models/{Compas}", $"/api/v1/models/{Compas}", "id=\"versions\""),
        new("version", $"/models/{Compas}/versions/1", $"/api/v1/models/{Compas}/versions/1", "id=\"evaluations\""),
        new("compare", $"/models/{Compas}/compare?versions=1,2,3,4&suite=compas-recidivism", $"/api/v1/models/{Compas}/compare?versions=1,2,3,4&suite=compas-recidivism", "id=\"chart-bars\""),
        new("leaderboard", "/suites/compas-recidivism/leaderboard", "/api/v1/suites/compas-recidivism/leaderboard", "id=\"leaderboard\""),
        new("queue", "/evaluations", $"/api/v1/evaluations?model={Compas}", "id=\"queue\""),
    ];

    public static async Task<int> RunAsync(PagesOptions options, CancellationToken cancellationToken)
    {
        using var run = new BenchRun(cancellationToken);
        try
        {
            var started = DateTimeOffset.UtcNow;
            var (markdown, passed) = await MeasureAsync(options, started, run.Log, run.Cancellation.Token);
            return await BenchReports.PublishAsync(options.OutputFolder, "pages", started, markdown, passed, "a page did not answer 200 with its markup (see the report)", run.Log);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("interrupted; silo stopped and files deleted");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<(string Markdown, bool Passed)> MeasureAsync(PagesOptions options, DateTimeOffset started, Action<string> log, CancellationToken cancellationToken)
    {
        SiloHost.EnsureBuilt(options.SiloDll);
        var machine = await HostInfo.CollectAsync(cancellationToken);
        var scratch = Path.Combine(Path.GetTempPath(), $"grid-pages-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Grid__Demo__Enabled"] = "true",
                ["Grid__Artifacts__Offline"] = "true",
            };
            for (var i = 0; i < options.Mirrors.Count; i++)
            {
                settings[$"Grid__Artifacts__Mirrors__{i}"] = Path.GetFullPath(options.Mirrors[i]);
            }

            await using var silo = await SiloHost.StartAsync(options.SiloDll, Path.Combine(scratch, "data"), Path.Combine(scratch, "silo.log"), 1L << 30, cancellationToken, settings);
            using var http = new HttpClient { BaseAddress = silo.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            var demo = Stopwatch.StartNew();
            await WaitForDemoAsync(http, cancellationToken);
            log($"demo results recorded after {demo.Elapsed.TotalSeconds:F0} s");
            var failures = new List<string>();
            foreach (var target in Targets)
            {
                for (var i = 0; i < WarmUp; i++)
                {
                    await TimeAsync(http, target.Page, cancellationToken);
                    await TimeAsync(http, target.Api, cancellationToken);
                }

                var (_, status, body) = await TimeAsync(http, target.Page, cancellationToken);
                if (status != 200 || !body.Contains(target.Marker, StringComparison.Ordinal))
                {
                    failures.Add($"{target.Name}: {target.Page} answered {status}{(status == 200 ? $" without {target.Marker}" : "")}");
                }
            }

            var times = Targets.ToDictionary(t => t.Name, _ => (Page: new List<double>(), Api: new List<double>(), PageBytes: 0, ApiBytes: 0));
            for (var round = 0; round < options.Rounds; round++)
            {
                foreach (var target in Targets)
                {
                    var page = await TimeAsync(http, target.Page, cancellationToken);
                    var api = await TimeAsync(http, target.Api, cancellationToken);
                    var entry = times[target.Name];
                    entry.Page.Add(page.Ms);
                    entry.Api.Add(api.Ms);
                    times[target.Name] = entry with { PageBytes = Encoding.UTF8.GetByteCount(page.Body), ApiBytes = Encoding.UTF8.GetByteCount(api.Body) };
                    if (page.Status != 200 || api.Status != 200)
                    {
                        failures.Add($"{target.Name} round {round}: page {page.Status}, API {api.Status}");
                    }
                }
            }

            foreach (var target in Targets)
            {
                log($"{target.Name,-12} page median {new Samples(times[target.Name].Page).Median,8:F2} ms   API median {new Samples(times[target.Name].Api).Median,8:F2} ms");
            }

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"## Pages — {started:yyyy-MM-dd HH:mm} UTC\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/Grid.Benchmarks -- pages {options.CommandLine}`\n");
            text.Append(CultureInfo.InvariantCulture, $"- Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Memory}, Linux {machine.Kernel}; .NET SDK {machine.Sdk}, {machine.Runtime}\n");
            text.Append(CultureInfo.InvariantCulture, $"- Data: the demo (sample models and their evaluations); {options.Rounds} rounds, page and API call interleaved, one request at a time after {WarmUp} warm-up requests each; times to the last byte, in ms.\n\n");
            text.Append("| page | page median | page p95 | page max | API median | API p95 | page / API (median) | page KiB | API KiB | goal < 200 ms (p95) |\n");
            text.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            foreach (var target in Targets)
            {
                var (page, api, pageBytes, apiBytes) = times[target.Name];
                var pageSamples = new Samples(page);
                var apiSamples = new Samples(api);
                var p95 = Percentile(page, 0.95);
                text.Append(CultureInfo.InvariantCulture,
                    $"| {target.Name} (`{target.Page}`) | {pageSamples.Median:F2} | {p95:F2} | {pageSamples.Max:F2} | {apiSamples.Median:F2} | {Percentile(api, 0.95):F2} | {pageSamples.Median / apiSamples.Median:F2} | {pageBytes / 1024.0:F1} | {apiBytes / 1024.0:F1} | {(p95 < GoalMs ? "met" : "missed")} |\n");
            }

            text.Append(failures.Count == 0 ? "\n- Checks: every page and API call answered 200; every page held its markup.\n" : $"\n- Checks failed: {string.Join("; ", failures.Take(10))}\n");
            return (text.ToString(), failures.Count == 0);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task WaitForDemoAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        string[] ready = [Targets[3].Api, "/api/v1/models/demo/adult-income/compare?versions=1,2,3&suite=adult-income"];
        while (true)
        {
            var all = true;
            foreach (var path in ready)
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                all &= response.IsSuccessStatusCode;
            }

            if (all)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("the demo's results were not recorded within 10 minutes");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private static async Task<(double Ms, int Status, string Body)> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return (clock.Elapsed.TotalMilliseconds, (int)response.StatusCode, body);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
