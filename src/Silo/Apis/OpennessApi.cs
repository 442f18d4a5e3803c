using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;
using ModelGrid.Silo.Openness;

namespace ModelGrid.Silo.Apis;

/// <summary>
/// A version's openness in the Model Openness Framework's terms: its record (JSON or MOT's YAML), the class MOT's
/// algorithm gives it with what the next class needs, and a badge.
/// </summary>
public static class OpennessApi
{
    private const string YamlType = "application/yaml; charset=utf-8";
    private const string SvgType = "image/svg+xml; charset=utf-8";

    public static RouteGroupBuilder MapOpennessApi(this RouteGroupBuilder api)
    {
        var openness = api.MapGroup("/models/{owner}/{name}/versions/{reference}/openness").WithTags("Openness");
        openness.MapGet("/", GetOpenness).WithName(nameof(GetOpenness))
            .Documented(
                "Get a version's openness",
                "The version's openness record with its Model Openness Framework class, progress towards each class and what is missing for the next, computed exactly as the Model Openness Tool does; each included component says whether the version's files show it or it is only claimed. With Accept: application/yaml, the record as a Model Openness Tool YAML file.")
            .Produces<OpennessView>()
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .Problems(400, 404, 503);
        openness.MapPut("/", SetOpenness).WithName(nameof(SetOpenness))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(1 << 20))
            .Documented(
                "Set a version's openness record",
                "The body, a Model Openness Tool YAML file (application/yaml) or the JSON record (application/json), at most 1 MiB, becomes the published version's next openness record revision, by a publisher of its namespace; the version's card gets a revision that shows the class. Files tagged as a component must be files of the version.")
            .RawBody("application/yaml", "A Model Openness Tool model file, or the JSON record with Content-Type application/json.", binary: false)
            .NeedsToken().Problems(400, 403, 404, 409, 413, 503);
        openness.MapGet("/badge.svg", GetOpennessBadge).WithName(nameof(GetOpennessBadge))
            .Documented("Get a version's openness badge", "An SVG badge with the class and the progress towards the next; its ETag is the record's revision id.")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .Problems(400, 404, 503);
        return api;
    }

    public static async Task<IResult> GetOpenness(string owner, string name, string reference, HttpContext context, HubServices hub, OpennessLicenses licenses)
    {
        var (id, version, revision, record, _) = await LoadAsync(owner, name, reference, context, hub);
        var yaml = context.Request.Headers.Accept.Any(a => a?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true);
        var etag = yaml ? $"\"{revision.Sha256}-yaml\"" : $"\"{revision.Sha256}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.Vary = "Accept";
        if (RangeDecision.MatchesIfNoneMatch(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (yaml)
        {
            return TypedResults.Text(MotYaml.Write(record), YamlType);
        }

        return TypedResults.Ok(View(id, version, revision, record, await licenses.GetAsync(context.RequestAborted)));
    }

    public static async Task<Ok<OpennessView>> SetOpenness(string owner, string name, string reference, HttpContext context, HubServices hub, OpennessLicenses licenses)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        var record = Parse(await VersionsApi.ReadTextAsync(context.Request), context.Request.ContentType);
        var paths = Paths(version);
        if (OpennessCheck.MissingFiles(record, paths) is { Count: > 0 } missing)
        {
            throw HubException.Invalid($"the record tags files that {id}@{version.Number} does not hold: {string.Join(", ", missing)}");
        }

        var catalog = await licenses.GetAsync(context.RequestAborted);
        var json = JsonSerializer.Serialize(record, ApiJson.Options);
        var provisional = View(id, version, new OpennessRevision(0, Sha256Hex(json), json.Length, DateTimeOffset.MinValue, caller.DisplayName, MofClass.Unclassified), record, catalog);
        var grain = hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number));
        var existing = await grain.ListOpenness();
        var section = OpennessCard.Section(provisional with { Revision = existing.Count + 1 });
        var revision = await grain.SetOpenness(json, provisional.Class, section, caller.DisplayName);
        await hub.Grains.GetGrain<IModelGrain>(id.ToString()).SetOpennessClass(version.Number, revision.Class);
        return TypedResults.Ok(View(id, version, revision, record, catalog));
    }

    public static async Task<IResult> GetOpennessBadge(string owner, string name, string reference, HttpContext context, HubServices hub, OpennessLicenses licenses)
    {
        var (_, _, revision, record, isPublic) = await LoadAsync(owner, name, reference, context, hub);
        var etag = $"\"{revision.Sha256}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = isPublic ? "public, max-age=300" : "private, max-age=300";
        if (RangeDecision.MatchesIfNoneMatch(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var evaluation = MofEvaluator.Evaluate(record, await licenses.GetAsync(context.RequestAborted));
        return TypedResults.Text(OpennessBadge.Svg(evaluation.Class, evaluation.Progress), SvgType);
    }

    /// <summary>The record in either form the API takes: MOT's YAML, or the JSON record.</summary>
    internal static OpennessRecord Parse(string body, string? contentType)
    {
        try
        {
            if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                return (JsonSerializer.Deserialize<OpennessRecord>(body, ApiJson.Options)
                    ?? throw new OpennessFormatException("the body is JSON null, not an openness record")).Normalized();
            }

            if (contentType is null || contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase))
            {
                return MotYaml.Read(body);
            }
        }
        catch (OpennessFormatException e)
        {
            throw HubException.Invalid($"the openness record is not accepted: {e.Message}");
        }
        catch (JsonException e)
        {
            throw HubException.Invalid($"the openness record is not valid JSON: {e.Message}");
        }

        throw HubException.Invalid($"an openness record is sent as application/yaml (a Model Openness Tool file) or application/json, not {contentType}");
    }

    private static OpennessView View(ModelId id, VersionDetails version, OpennessRevision revision, OpennessRecord record, MofLicenseCatalog catalog)
    {
        var evaluation = MofEvaluator.Evaluate(record, catalog);
        var components = OpennessCheck.Components(record, catalog, Paths(version));
        return new OpennessView(
            id.ToString(), version.Number, revision.Revision, revision.Sha256, revision.CreatedAt, revision.Author, evaluation.Class, evaluation.Label,
            evaluation.Progress, evaluation.NextClass, evaluation.MissingForNextClass, components,
            [.. components.Where(c => c.Verification == ComponentVerification.Claimed).Select(c => c.Name)], evaluation, record);
    }

    private static HashSet<string> Paths(VersionDetails version) => [.. version.Files.Select(f => f.Path)];

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static async Task<(ModelId Id, VersionDetails Version, OpennessRevision Revision, OpennessRecord Record, bool IsPublic)> LoadAsync(
        string owner, string name, string reference, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, model) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        var revisions = await hub.Grains.GetGrain<IModelVersionGrain>(id.VersionKey(version.Number)).ListOpenness();
        if (revisions.Count == 0)
        {
            throw HubException.NotFound("Openness record not found", $"{id}@{version.Number} has no openness record; its publisher can set one with 'grid openness import <mot.yml> {id}@{version.Number}'");
        }

        var revision = revisions[^1];
        await using var reader = await hub.Content.Blobs.OpenReadAsync(ModelGrid.Storage.HubLayout.Openness(id, version.Number, revision.Revision), cancellationToken: context.RequestAborted)
            ?? throw new InvalidOperationException($"openness record r{revision.Revision} of {id}@{version.Number} is missing from storage");
        var record = await JsonSerializer.DeserializeAsync<OpennessRecord>(reader.Content, ApiJson.Options, context.RequestAborted)
            ?? throw new InvalidOperationException($"openness record r{revision.Revision} of {id}@{version.Number} is empty");
        return (id, version, revision, record, model.Visibility == ModelVisibility.Public);
    }
}
