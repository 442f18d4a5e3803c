using Microsoft.Extensions.Options;
using ModelGrid.Silo.Hub;
using ModelGrid.Silo.Infrastructure;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Apis;

/// <summary>The services the API handlers share (one singleton, injected into each handler).</summary>
public sealed class HubServices(
    IGrainFactory grains,
    ContentAddressedStore content,
    ContentReuse reuse,
    UploadSessions uploads,
    IOptions<UploadOptions> uploadOptions)
{
    public IGrainFactory Grains { get; } = grains;

    public ContentAddressedStore Content { get; } = content;

    public ContentReuse Reuse { get; } = reuse;

    public UploadSessions Uploads { get; } = uploads;

    public UploadOptions UploadOptions { get; } = uploadOptions.Value;
}
