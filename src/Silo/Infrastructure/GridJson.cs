using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>The API's JSON conventions: camelCase, enums as camelCase strings, nulls left out.</summary>
public static class GridJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
