using System.Text.Json;
using ModelGrid.Api;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// The hub's JSON: the API's conventions (<see cref="ApiJson"/>), and request bodies read strictly. The request
/// contracts refuse members they do not know and name their required ones; here a null where the contract does not
/// allow one and a member given twice are refused too. Responses keep their shape (nulls are left out, never refused),
/// and clients read them leniently, so an older client still reads what a newer hub adds.
/// </summary>
public static class RequestJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ApiJson.Configure(options);
        options.RespectNullableAnnotations = true;
        options.AllowDuplicateProperties = false;
        return options;
    }
}
