using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Apis;

/// <summary>Aliases of a model: list (with history on request), set, delete, and one alias's history.</summary>
public static class AliasesApi
{
    public static RouteGroupBuilder MapAliasesApi(this RouteGroupBuilder api)
    {
        var aliases = api.MapGroup("/models/{owner}/{name}/aliases").WithTags("Aliases");
        aliases.MapGet("/", ListAliases).WithName(nameof(ListAliases));
        aliases.MapGet("/{alias}/history", GetAliasHistory).WithName(nameof(GetAliasHistory));
        aliases.MapPut("/{alias}", SetAlias).WithName(nameof(SetAlias));
        aliases.MapDelete("/{alias}", DeleteAlias).WithName(nameof(DeleteAlias));
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
