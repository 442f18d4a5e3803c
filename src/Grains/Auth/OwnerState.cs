namespace ModelGrid.Grains.Auth;

/// <summary>The persisted state of an <see cref="OwnerGrain"/>.</summary>
[GenerateSerializer, Alias("grid.OwnerState")]
public sealed class OwnerState
{
    [Id(0)] public DateTimeOffset CreatedAt { get; set; }

    [Id(1)] public string CreatedBy { get; set; } = string.Empty;

    [Id(2)] public List<string> TokenIds { get; set; } = [];
}
