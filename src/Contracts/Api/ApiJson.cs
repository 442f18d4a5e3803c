using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelGrid.Api;

/// <summary>
/// The REST API's JSON conventions, shared by the server and the client: camelCase, enums as camelCase strings (never
/// numbers, which could name a value the enum does not define), nulls left out.
/// </summary>
public static class ApiJson
{
    /// <summary>Options configured by <see cref="Configure"/>.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to <paramref name="options"/>.</summary>
    /// <param name="options">The options to change.</param>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
