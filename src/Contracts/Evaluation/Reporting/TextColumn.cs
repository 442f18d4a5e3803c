namespace ModelGrid.Evaluation.Reporting;

/// <summary>A column of a <see cref="TextTable"/>.</summary>
/// <param name="Header">Its heading.</param>
/// <param name="AlignRight">Whether its cells are aligned right (counts, sizes).</param>
/// <param name="Wraps">Whether its cells may wrap at spaces to fit the width (free text, never digests or addresses).</param>
public sealed record TextColumn(string Header, bool AlignRight = false, bool Wraps = false)
{
    /// <summary>A column of counts or sizes, aligned right.</summary>
    public static TextColumn Number(string header) => new(header, AlignRight: true);

    /// <summary>A column of free text that wraps at spaces.</summary>
    public static TextColumn Text(string header) => new(header, Wraps: true);
}
