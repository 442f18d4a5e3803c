using System.Text;
using ModelGrid.Openness;
using ModelGrid.Storage.Artifacts;
using ModelGrid.Storage.Content;

namespace ModelGrid.Silo.Openness;

/// <summary>
/// MOT's licence catalogue for the hub: its two licence lists are declared artifacts, resolved once into the store
/// (verified) and parsed; a failure is not remembered, so the next request tries again.
/// </summary>
public sealed class OpennessLicenses(ArtifactResolver resolver, ContentAddressedStore content) : IDisposable
{
    public const string SpdxList = "licenses.json";
    public const string MofList = "mof-licenses.json";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private MofLicenseCatalog? _catalog;

    public async Task<MofLicenseCatalog> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_catalog is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _catalog ??= MofLicenseCatalog.Parse(await ReadAsync(SpdxList, cancellationToken), await ReadAsync(MofList, cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var resolved = await resolver.ResolveAsync(name, cancellationToken);
        await using var reader = await content.OpenReadAsync(resolved.Artifact.Sha256, cancellationToken: cancellationToken)
            ?? throw new ArtifactUnavailableException($"artifact '{name}' was resolved but is not in the store");
        using var text = new StreamReader(reader.Content, Encoding.UTF8);
        return await text.ReadToEndAsync(cancellationToken);
    }
}
