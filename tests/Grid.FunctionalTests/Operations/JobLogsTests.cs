using System.Text.Json;

namespace ModelGrid.FunctionalTests.Operations;

/// <summary>The silo's JSON log of two jobs: every entry about a job carries the job's id and model as structured values.</summary>
[Collection(JobRunSiloGroup.Name)]
public sealed class JobLogsTests(JobRunSiloFixture fixture)
{
    [Fact]
    public void Log_EveryEntryNamingAJob_CarriesTheJobIdAndModelInItsScope()
    {
        var entries = Entries();
        var model = $"{JobRunSiloFixture.Model}@1";
        foreach (var job in fixture.Jobs)
        {
            var id = job.ToString("D");
            var about = entries.Where(e => e.GetRawText().Contains(id, StringComparison.OrdinalIgnoreCase)).ToList();

            // Leased, succeeded and recorded on the card, at the least.
            Assert.True(about.Count >= 3, $"only {about.Count} entries name job {id}");
            Assert.All(about, entry => Assert.Equal((id, model), JobScope(entry)));
        }
    }

    [Fact]
    public void Log_WeightCacheFetchesDuringAJob_CarryThatJobsScope()
    {
        var fetched = Entries().Where(e => e.GetProperty("EventId").GetInt32() == 4201).ToList();

        Assert.Equal(fixture.CachedFiles().Count, fetched.Count);
        Assert.All(fetched, entry => Assert.Equal((fixture.Jobs[0].ToString("D"), $"{JobRunSiloFixture.Model}@1"), JobScope(entry)));
    }

    private List<JsonElement> Entries() =>
        [.. fixture.Silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static (string? JobId, string? Model) JobScope(JsonElement entry)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes))
        {
            return (null, null);
        }

        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("JobId", out var job) && scope.TryGetProperty("Model", out var model))
            {
                return (job.GetString(), model.GetString());
            }
        }

        return (null, null);
    }
}
