using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Apis;

/// <summary>Aliases of a model: list (with history on request), set, delete, and one alias's history.</summary>
public static class AliasesApi
{
    public static RouteGroupBuilder MapAliasesApi(this RouteGroupBuilder api)
    {
        var aliases = api.MapGroup("/models/{owner}/{name}/aliases").WithTags("Aliases");
        aliases.MapGet("/", ListAliases).WithName(nameof(ListAliases))
            .Documented("List a model's aliases", "Every alias with the version it names (latest and main always name the newest standing version); history=true adds every move, oldest first.")
            .Problems(400, 404, 503);
        aliases.MapGet("/{alias}/history", GetAliasHistory).WithName(nameof(GetAliasHistory))
            .Documented("Get an alias's history", "Every move of one alias: who, when, from which version to which.")
            .Problems(400, 404, 503);
        aliases.MapPut("/{alias}", SetAlias).WithName(nameof(SetAlias))
            .WithMetadata(new RepeatableWrite())
            .Documented("Set an alias", "Points a user alias (starting with a letter, never 40 or 64 hex) at a published version; it moves only by another such call. latest and main are reserved (409).")
            .RequestExample("""{"version": 2}""")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        aliases.MapDelete("/{alias}", DeleteAlias).WithName(nameof(DeleteAlias))
            .Documented("Delete an alias", "Removes a user alias; its history stays.")
            .NeedsToken().Problems(400, 403, 404, 409, 503);
        return api;
    }

    public static async Task<Ok<AliasList>> ListAliases(string owner, string name, HttpContext context, HubServices hub, bool history = false)
    {
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, context.Caller(), owner, name);
        var model = hub.Grains.GetGrain<IModelGrain>(id.ToString());
        return TypedResults.Ok(new AliasList(await model.ListAliases(), history ? await model.GetAliasHistory(null) : null));
    }

    public static async Task<Ok<IReadOnlyList<AliasChange>>> GetAliasHistory(string owner, string name, string alias, HttpContext context, HubServices hub)
    {
        var (id, _) = await ModelAccess.ReadableAsync(hub.Grains, context.Caller(), owner, name);
        return TypedResults.Ok(await hub.Grains.GetGrain<IModelGrain>(id.ToString()).GetAliasHistory(alias));
    }

    public static async Task<Ok<AliasEntry>> SetAlias(string owner, string name, string alias, SetAliasRequest request, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        return TypedResults.Ok(await hub.Grains.GetGrain<IModelGrain>(id.ToString()).SetAlias(alias, request.Version, caller.DisplayName));
    }

    public static async Task<NoContent> DeleteAlias(string owner, string name, string alias, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        await hub.Grains.GetGrain<IModelGrain>(id.ToString()).DeleteAlias(alias, caller.DisplayName);
        return TypedResults.NoContent();
    }
}
