using Orleans.Serialization.Cloning;

namespace ModelGrid.Serialization;

/// <summary>
/// Copies Grid.Contracts' values by returning them: they are immutable records (read-only lists by convention
/// included), so a call within one silo hands over the same instance instead of a serialized round trip.
/// </summary>
internal sealed class ContractCopier : IGeneralizedCopier
{
    /// <inheritdoc />
    public object? DeepCopy(object? input, CopyContext context) => input;

    /// <inheritdoc />
    public bool IsSupportedType(Type type) => GridSerialization.IsContract(type);
}
