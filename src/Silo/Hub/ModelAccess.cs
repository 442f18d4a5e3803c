using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Silo.Auth;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Silo.Hub;

/// <summary>Loads a model for a caller: invalid ids are 400, unknown or invisible models 404, missing rights 401/403.</summary>
public static class ModelAccess
{
    public static ModelId ParseId(string owner, string name) =>
        ModelId.TryCreate(owner, name, out var id, out var error) ? id : throw HubException.Invalid(error);

    public static async Task<(ModelId Id, ModelDetails Model)> ReadableAsync(IGrainFactory grains, Principal caller, string owner, string name)
    {
        var id = ParseId(owner, name);
        ModelDetails? model;
        try
        {
            model = await grains.GetGrain<IModelGrain>(id.ToString()).Get();
        }
        catch (DamagedStateException) when (!caller.CanRead(id.Owner, isPublic: false))
        {
            // Whether a damaged model is private cannot be read: to whoever could not see it if it were, it does not exist.
            throw HubException.NotFound("Model not found", $"there is no model {id}");
        }

        if (!IsReadable(caller, id, model))
        {
            // A private model of someone else is indistinguishable from one that does not exist.
            throw HubException.NotFound("Model not found", $"there is no model {id}");
        }

        return (id, model!);
    }

    /// <summary>Whether the caller may read the model now, by the rule of every read.</summary>
    public static async Task<bool> CanReadAsync(IGrainFactory grains, Principal caller, ModelId id)
    {
        try
        {
            return IsReadable(caller, id, await grains.GetGrain<IModelGrain>(id.ToString()).Get());
        }
        catch (DamagedStateException)
        {
            // A model whose record cannot be read shows nothing, to anyone.
            return false;
        }
    }

    public static async Task<(ModelId Id, ModelDetails Model)> PublishableAsync(IGrainFactory grains, Principal caller, string owner, string name)
    {
        var id = ParseId(owner, name);
        caller.RequirePublish(id.Owner);
        var model = await grains.GetGrain<IModelGrain>(id.ToString()).Get()
            ?? throw HubException.NotFound("Model not found", $"there is no model {id}");
        return (id, model);
    }

    private static bool IsReadable(Principal caller, ModelId id, ModelDetails? model) =>
        model is not null && caller.CanRead(id.Owner, model.Visibility == ModelVisibility.Public);

    public static VersionRef ParseRef(string reference) =>
        VersionRef.TryParse(reference, out var parsed, out var error) ? parsed : throw HubException.Invalid(error);

    public static int ParseNumber(string version) =>
        ParseRef(version) is { Kind: VersionRefKind.Number } parsed
            ? parsed.Number
            : throw HubException.Invalid($"'{version}' is not a version number; this call needs the draft's number");

    /// <summary>
    /// Resolves a reference to a version the caller may see: drafts only for those who may publish into the
    /// model's namespace.
    /// </summary>
    public static async Task<VersionDetails> ResolveVersionAsync(IGrainFactory grains, Principal caller, ModelId id, string reference)
    {
        var number = await grains.GetGrain<IModelGrain>(id.ToString()).Resolve(ParseRef(reference));
        var version = await grains.GetGrain<IModelVersionGrain>(id.VersionKey(number)).Get()
            ?? throw HubException.NotFound("Version not found", $"{id} has no version {number}");
        if (version.Status == VersionStatus.Draft && !caller.CanPublish(id.Owner))
        {
            throw HubException.NotFound("Version not found", $"{id} has no published version {reference}");
        }

        return version;
    }
}
