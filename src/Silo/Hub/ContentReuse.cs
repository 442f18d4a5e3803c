using ModelGrid.Auth;
using ModelGrid.Hub;
using ModelGrid.Storage.Content;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Silo.Hub;

/// <summary>
/// Decides when a declared file need not be uploaded (DESIGN.md §9.2): only when its digest is stored and used
/// by a version the caller may already read, or by anything in the caller's own namespace. Anyone else uploads
/// the bytes, which the store then verifies and drops if it has them — so the answer is never an existence oracle.
/// </summary>
public sealed class ContentReuse(IGrainFactory grains, ContentAddressedStore content)
{
    public async Task<bool> MayReuseAsync(Principal caller, string sha256, CancellationToken cancellationToken = default)
    {
        foreach (var reference in await grains.GetGrain<IContentRefGrain>(sha256).List())
        {
            if (await IsVisibleAsync(caller, reference))
            {
                return await content.ExistsAsync(sha256, cancellationToken);
            }
        }

        return false;
    }

    /// <summary>Marks every declared file of a draft present whose content the caller may reuse.</summary>
    public async Task<VersionDetails> ClaimAsync(Principal caller, VersionDetails draft, CancellationToken cancellationToken = default)
    {
        var version = grains.GetGrain<IModelVersionGrain>(draft.Model.VersionKey(draft.Number));
        var changed = false;
        foreach (var file in draft.Files.Where(f => !f.Present))
        {
            if (await MayReuseAsync(caller, file.Sha256, cancellationToken))
            {
                await version.MarkPresent(file.ToManifestFile());
                changed = true;
            }
        }

        return changed ? (await version.Get())! : draft;
    }

    private async Task<bool> IsVisibleAsync(Principal caller, ContentReference reference)
    {
        if (caller.CanPublish(reference.Model.Owner))
        {
            return true;
        }

        var model = grains.GetGrain<IModelGrain>(reference.Model.ToString());
        try
        {
            var details = await model.Get();
            if (details is null || !caller.CanRead(reference.Model.Owner, details.Visibility == ModelVisibility.Public))
            {
                return false;
            }

            var versions = await model.ListVersions();
            return versions.Any(v => v.Number == reference.Version && v.Status == VersionStatus.Published);
        }
        catch (DamagedStateException)
        {
            // Another model's damaged record says nothing about what the caller may read; it must not fail this upload.
            return false;
        }
    }
}
