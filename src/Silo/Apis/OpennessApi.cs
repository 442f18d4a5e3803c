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

    public static async Task<IResult> GetOpenness(string owner, string name, string reference, HttpContext context, HubServices hub, OpennessService openness)
    {
        var (id, version, revision, record, _) = await LoadAsync(owner, name, reference, context, hub, openness);
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

        return TypedResults.Ok(await openness.ViewAsync(id, version, revision, record, context.RequestAborted));
    }

    public static async Task<Ok<OpennessView>> SetOpenness(string owner, string name, string reference, HttpContext context, HubServices hub, OpennessService openness)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        var record = Parse(await VersionsApi.ReadTextAsync(context.Request), context.Request.ContentType);
        return TypedResults.Ok(await openness.SetAsync(id, version, record, caller.DisplayName, context.RequestAborted));
    }

    public static async Task<IResult> GetOpennessBadge(string owner, string name, string reference, HttpContext context, HubServices hub, OpennessService openness)
    {
        var (_, _, revision, record, isPublic) = await LoadAsync(owner, name, reference, context, hub, openness);
        var etag = $"\"{revision.Sha256}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = isPublic ? "public, max-age=300" : "private, max-age=300";
        if (RangeDecision.MatchesIfNoneMatch(context.Request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var evaluation = await openness.EvaluateAsync(record, context.RequestAborted);
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

    private static async Task<(ModelId Id, VersionDetails Version, OpennessRevision Revision, OpennessRecord Record, bool IsPublic)> LoadAsync(
        string owner, string name, string reference, HttpContext context, HubServices hub, OpennessService openness)
    {
        var caller = context.Caller();
        var (id, model) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        var version = await ModelAccess.ResolveVersionAsync(hub.Grains, caller, id, reference);
        if (await openness.LatestAsync(id, version.Number, context.RequestAborted) is not { } latest)
        {
            throw HubException.NotFound("Openness record not found", $"{id}@{version.Number} has no openness record; its publisher can set one with 'grid openness import <mot.yml> {id}@{version.Number}'");
        }

        var (revision, record) = latest;
        return (id, version, revision, record, model.Visibility == ModelVisibility.Public);
    }
}
