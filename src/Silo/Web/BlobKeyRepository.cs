using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Silo.Web;

/// <summary>
/// Keeps the key ring that protects the pages' session cookies and antiforgery tokens in the hub's blob store, one
/// blob per key under <see cref="Prefix"/>, so that every API silo of a cluster reads the same keys and a restarted silo
/// still honours the sessions it started. An element is written once, under a name of its own, and never changed
/// (ASP.NET Core revokes a key by writing a revocation element beside it).
/// </summary>
/// <remarks>The keys are kept as ASP.NET Core writes them, not encrypted again: whoever may read the hub's storage may
/// forge a session, as whoever may read it may already read every private model's files. That is the
/// choice ASP.NET Core warns of when it makes a key ("No XML encryptor configured"), so <c>appsettings.json</c> shows
/// that logger's errors only.</remarks>
public sealed class BlobKeyRepository(IBlobStore store) : IXmlRepository
{
    /// <summary>Where the key ring's elements are kept in the blob store.</summary>
    public const string Prefix = "web-keys/";

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAllAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var content = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        store.PutAsync(NameFor(friendlyName), content, WriteCondition.IfNotExistsCondition).GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAllAsync()
    {
        var elements = new List<XElement>();
        await foreach (var blob in store.ListAsync(Prefix))
        {
            await using var reader = await store.OpenReadAsync(blob.Name);
            if (reader is not null)
            {
                elements.Add(await XElement.LoadAsync(reader.Content, LoadOptions.None, CancellationToken.None));
            }
        }

        return elements;
    }

    /// <summary>
    /// A new blob name for an element: its friendly name (a key id, or a revocation's time) in letters, digits and
    /// dashes, then a name of its own, so that two silos writing at once never meet on one name.
    /// </summary>
    private static string NameFor(string friendlyName)
    {
        var safe = new string([.. friendlyName.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        return $"{Prefix}{safe}-{Guid.NewGuid():N}.xml";
    }
}
