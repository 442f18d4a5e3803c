namespace ModelGrid.Evaluation.Suites;

/// <summary>The suite's data: their format, layout, row filter and label.</summary>
/// <param name="Format">CSV, IDX or generated.</param>
/// <param name="Csv">The CSV layout (CSV only).</param>
/// <param name="Idx">The IDX files (IDX only).</param>
/// <param name="Filter">Conditions every evaluated row meets; empty for all rows.</param>
/// <param name="Label">The true label (not for generated data).</param>
/// <param name="RowKey">A column that names each row in the stored per-row predictions; null for the row number.</param>
public sealed record DataSpec(
    DataFormat Format,
    CsvLayout? Csv,
    IdxLayout? Idx,
    IReadOnlyList<RowFilter> Filter,
    LabelSpec? Label,
    string? RowKey)
{
    /// <summary>No data of these formats: the spec of a kind that reads its data its own way.</summary>
    public static DataSpec None { get; } = new(DataFormat.Generated, null, null, [], null, null);

    /// <summary>The declared artifacts the data come from, in a fixed order.</summary>
    public IReadOnlyList<string> Artifacts => Format switch
    {
        DataFormat.Csv => [Csv!.Artifact],
        DataFormat.Idx => [Idx!.Items, Idx.Labels],
        _ => [],
    };
}
