using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Openness;
using ModelGrid.Silo.Auth;
using ModelGrid.Silo.Hub;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/models</c>: create, read, search and update models.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models");
        models.MapPost("/", CreateModel).WithName(nameof(CreateModel))
            .Documented("Create a model", "Creates the model owner/name with its metadata; the token needs the publish scope for the owner's namespace (or admin). Names are lowercase: [a-z0-9][a-z0-9-_.]{0,63} each part.")
            .RequestExample("""{"owner": "alice", "name": "my-model", "description": "A digit classifier", "task": "image-classification", "license": "MIT", "tags": ["vision"], "visibility": "public"}""")
            .NeedsToken().Problems(400, 403, 409, 503);
        models.MapGet("/", ListModels).WithName(nameof(ListModels))
            .Documented("List and search models", "The models the caller may read, a page at a time: search matches names and descriptions; owner, task, tag and mofClass (I, II, III or none: the Model Openness Framework class of the latest version) filter. Private models are listed only to their owner's tokens.")
            .Problems(400);
        models.MapGet("/{owner}/{name}", GetModel).WithName(nameof(GetModel))
            .Documented("Get a model", "A model's metadata and version count; publishers of its namespace also get its draft count. A private model the caller may not read answers 404, as one that does not exist.")
            .Problems(400, 404, 503);
        models.MapPatch("/{owner}/{name}", UpdateModel).WithName(nameof(UpdateModel))
            .Documented("Update a model's metadata", "Changes the members sent (description, task, licence, tags, visibility); absent members stay as they are.")
            .NeedsToken().Problems(400, 403, 404, 503);
        api.MapGet("/whoami", WhoAmI).WithTags("Auth").WithName(nameof(WhoAmI))
            .Documented("Who the caller is", "The token's id (or admin, or anonymous without a token), its owner namespace and scopes.");
        return api;
    }

    public static async Task<Created<ModelDetails>> CreateModel(CreateModelRequest request, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var id = ModelAccess.ParseId(request.Owner ?? string.Empty, request.Name ?? string.Empty);
        caller.RequirePublish(id.Owner);
        var created = await hub.Grains.GetGrain<IModelGrain>(id.ToString())
            .Create(new ModelCreate(request.Description, request.Task, request.License, request.Tags, request.Visibility), caller.DisplayName);

        // The owner is recorded once the model is: a refused model leaves no owner behind.
        await hub.Grains.GetGrain<IOwnerGrain>(id.Owner).Ensure(caller.DisplayName);
        return TypedResults.Created($"/api/v1/models/{id}", created);
    }

    public static async Task<Ok<ModelPage>> ListModels(
        HttpContext context,
        HubServices hub,
        string? search = null,
        string? owner = null,
        string? task = null,
        string? tag = null,
        string? mofClass = null,
        int page = 1,
        int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 500)
        {
            throw HubException.Invalid("page starts at 1 and pageSize is between 1 and 500");
        }

        var query = new CatalogQuery(search, owner, task, tag, (page - 1) * pageSize, pageSize) { OpennessClass = ParseMofClass(mofClass) };
        var result = await hub.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Search(query, context.Caller());
        return TypedResults.Ok(new ModelPage(result.Items, result.Total, page, pageSize));
    }

    private static MofClass? ParseMofClass(string? value) => value switch
    {
        null => null,
        "I" or "1" => MofClass.ClassI,
        "II" or "2" => MofClass.ClassII,
        "III" or "3" => MofClass.ClassIII,
        "none" or "0" => MofClass.Unclassified,
        _ => throw HubException.Invalid($"mofClass is I, II, III or none (a record that reaches no class), not '{value}'"),
    };

    public static async Task<Ok<ModelDetails>> GetModel(string owner, string name, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, model) = await ModelAccess.ReadableAsync(hub.Grains, caller, owner, name);
        return TypedResults.Ok(model.For(caller.CanPublish(id.Owner)));
    }

    public static async Task<Ok<ModelDetails>> UpdateModel(string owner, string name, UpdateModelRequest request, HttpContext context, HubServices hub)
    {
        var caller = context.Caller();
        var (id, _) = await ModelAccess.PublishableAsync(hub.Grains, caller, owner, name);
        var updated = await hub.Grains.GetGrain<IModelGrain>(id.ToString())
            .Update(new ModelUpdate(request.Description, request.Task, request.License, request.Tags, request.Visibility), caller.DisplayName);
        return TypedResults.Ok(updated);
    }

    public static async Task<Ok<WhoAmI>> WhoAmI(HttpContext context, IGrainFactory grains)
    {
        var caller = context.Caller();
        // Tokens issued by the hub have an owner and a record with their expiry; the bootstrap admin token has neither.
        var expiresAt = caller.Owner is null ? null : (await grains.GetGrain<IAccessTokenGrain>(caller.Subject).Get())?.ExpiresAt;
        return TypedResults.Ok(new WhoAmI(caller.Subject, caller.Owner, ScopeNames.ToNames(caller.Scopes), expiresAt));
    }
}
