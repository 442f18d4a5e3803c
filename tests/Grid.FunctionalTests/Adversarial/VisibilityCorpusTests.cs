using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// Every read that can name alice's private model, by everyone who may not read it, answers exactly as the same read
/// of a model that does not exist: status, headers and body alike once the names and ids are swapped (and the
/// per-request trace id dropped). Alice herself is answered, so the private target is really there.
/// </summary>
[Collection(AdversarialCorpus.Name)]
public sealed class VisibilityCorpusTests(AdversarialGrid grid)
{
    private static readonly string[] UncomparedHeaders = ["Date"];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var probe in VisibilityProbes.All)
        {
            foreach (var identity in Identities.Outsiders)
            {
                cases.Add(probe.Name, identity.Name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PrivateModel_ReadByOutsider_LooksExactlyLikeAMissingModel(string probeName, string identity)
    {
        var probe = VisibilityProbes.All.Single(p => p.Name == probeName);
        var world = grid.World;
        var runner = new CaseRunner(grid);
        var secret = world.Targets[CorpusWorld.Secret];
        var absentJob = Guid.NewGuid();
        var absentUpload = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var authorization = world.AuthorizationOf(Identities.Named(identity));
        if (probe.Owner is { } ownerStatus)
        {
            await runner.RunAsync(probe.Request(secret.Path, secret.Job, secret.UploadId).Bearer(world.AuthorizationOf(Identities.AlicePublish)), new Outcome(ownerStatus), WriteScope.Nothing);
        }

        var missing = await runner.RunAsync(probe.Request($"/api/v1/models/{CorpusWorld.Absent}", absentJob, absentUpload).Bearer(authorization), new Outcome(0), WriteScope.Nothing, expectAny: true);
        var hidden = await runner.RunAsync(probe.Request(secret.Path, secret.Job, secret.UploadId).Bearer(authorization), new Outcome(missing.Status, TitleOf(missing)), WriteScope.Nothing);

        string Swap(string text) => text
            .Replace(CorpusWorld.Secret.ToString(), CorpusWorld.Absent.ToString(), StringComparison.Ordinal)
            .Replace(CorpusWorld.Secret.Name, CorpusWorld.Absent.Name, StringComparison.Ordinal)
            .Replace(secret.Job.ToString("D"), absentJob.ToString("D"), StringComparison.Ordinal)
            .Replace(secret.UploadId, absentUpload, StringComparison.Ordinal);

        Assert.Equal(Normalize(missing.Text), Normalize(Swap(hidden.Text)));
        Assert.Equal(
            missing.Headers.Where(h => !UncomparedHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key}: {h.Value}"),
            hidden.Headers.Where(h => !UncomparedHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key}: {Swap(h.Value)}"));
    }

    private static string? TitleOf(WireResponse response) =>
        response.MediaType == "application/problem+json" && response.Body.Length > 0 && response.Json().TryGetProperty("title", out var title) ? title.GetString() : null;

    /// <summary>JSON without the per-request <c>traceId</c>; any other body as it is.</summary>
    private static string Normalize(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            if (node is JsonObject problem)
            {
                problem.Remove("traceId");
            }

            return node?.ToJsonString() ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
