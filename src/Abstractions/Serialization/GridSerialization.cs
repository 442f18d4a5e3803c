using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace ModelGrid.Serialization;

/// <summary>
/// How Orleans carries the records of Grid.Contracts, which carry no Orleans attributes: as System.Text.Json between
/// silos, and by reference within one (they are immutable, so a call on the same silo needs no copy).
/// </summary>
public static class GridSerialization
{
    /// <summary>
    /// The options of the wire form: every member written, nulls included, so a record's default parameter value never
    /// stands in for a null that was sent; NaN as a named literal, as the reports hold it.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Whether <paramref name="type"/> is one of Grid.Contracts' types, which this serialization carries.</summary>
    /// <param name="type">The type.</param>
    public static bool IsContract(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Assembly == typeof(ModelId).Assembly;
    }

    /// <summary>
    /// Serializes Grid.Contracts' types with System.Text.Json and copies them by reference. Every silo, test cluster
    /// and benchmark host adds it: <c>silo.Services.AddSerializer(s =&gt; s.AddGridSerialization())</c>.
    /// </summary>
    /// <param name="builder">The serializer builder.</param>
    public static ISerializerBuilder AddGridSerialization(this ISerializerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJsonSerializer(
            isSerializable: IsContract,
            isCopyable: static _ => false,
            configureOptions: options => options.Configure(o => o.SerializerOptions = JsonOptions));
        builder.Services.AddSingleton<IGeneralizedCopier, ContractCopier>();
        return builder;
    }
}
