using System.Text;

namespace ModelGrid.Evaluation.Reporting;

/// <summary>
/// A plain-text table for terminals, logs and pipes: a header row, then the rows, two spaces between columns, no
/// borders and no colour. A cell may hold several lines. To fit a width, only the columns that allow it wrap, and
/// only at spaces, so a value without a space — a digest, a URL, a figure, an id — is never split; when even that
/// does not fit, the table is wider than asked rather than broken.
/// </summary>
public sealed class TextTable
{
    /// <summary>The width headline tables and reports are laid out for.</summary>
    public const int DefaultWidth = 100;

    private const string Gap = "  ";
    private readonly TextColumn[] _columns;
    private readonly List<Row> _rows = [];

    /// <summary>A table of <paramref name="columns"/>, in order.</summary>
    /// <param name="columns">The columns.</param>
    public TextTable(params TextColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
    }

    /// <summary>Adds a row; missing cells are empty, a tab is a space (a terminal would move it to a tab stop).</summary>
    public TextTable AddRow(params string?[] cells) => Add(cells, spans: false);

    /// <summary>
    /// Adds a row whose last cell runs on across the columns after it, as one line ("n = 2, below the minimum of 30: not
    /// reported" where a row of figures would be); it does not widen the column it starts in.
    /// </summary>
    public TextTable AddSpanningRow(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length == 0)
        {
            throw new ArgumentException("a spanning row needs a cell to span", nameof(cells));
        }

        return Add(cells, spans: true);
    }

    /// <summary>The table as lines of at most <paramref name="width"/> characters where its values allow, each ending in a newline.</summary>
    public string Render(int width = int.MaxValue)
    {
        var natural = new int[_columns.Length];
        var least = new int[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = c;
            var lines = _rows.Where(r => r.Measured(column)).SelectMany(r => r.Cells[column].Split('\n')).Append(_columns[c].Header).ToList();
            natural[c] = lines.Max(l => l.Length);
            least[c] = _columns[c].Wraps ? lines.SelectMany(l => l.Split(' ')).Append(_columns[c].Header).Max(w => w.Length) : natural[c];
        }

        var widths = Shrink(natural, least, width - (Gap.Length * (_columns.Length - 1)));
        var text = new StringBuilder();
        AppendRow(text, new Row([.. _columns.Select(c => c.Header)], -1), widths);
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> broken at spaces into lines of at most <paramref name="width"/> characters; a word
    /// longer than that has a line of its own. Line breaks already in the text are kept.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Narrows the widest wrapping columns, one character at a time, until the row fits or none can give more.</summary>
    private static int[] Shrink(int[] natural, int[] least, int room)
    {
        var widths = (int[])natural.Clone();
        var excess = widths.Sum() - room;
        while (excess > 0)
        {
            var widest = -1;
            for (var c = 0; c < widths.Length; c++)
            {
                if (widths[c] > least[c] && (widest < 0 || widths[c] > widths[widest]))
                {
                    widest = c;
                }
            }

            if (widest < 0)
            {
                break;
            }

            widths[widest]--;
            excess--;
        }

        return widths;
    }

    private TextTable Add(string?[] cells, bool spans)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > _columns.Length)
        {
            throw new ArgumentException($"the row has {cells.Length} cells; the table has {_columns.Length} columns", nameof(cells));
        }

        _rows.Add(new([.. Enumerable.Range(0, _columns.Length).Select(i => i < cells.Length ? cells[i]?.Replace('\t', ' ') ?? string.Empty : string.Empty)], spans ? cells.Length - 1 : -1));
        return this;
    }

    private void AppendRow(StringBuilder text, Row row, int[] widths)
    {
        var count = row.Spans < 0 ? row.Cells.Length : row.Spans + 1;
        var lines = row.Cells.Take(count).Select((cell, c) => _columns[c].Wraps && c != row.Spans ? Wrap(cell, widths[c]) : cell.Split('\n')).ToArray();
        var height = lines.Max(l => l.Count);
        for (var i = 0; i < height; i++)
        {
            var line = new StringBuilder();
            for (var c = 0; c < count; c++)
            {
                var part = i < lines[c].Count ? lines[c][i] : string.Empty;
                line.Append(c == 0 ? string.Empty : Gap).Append(c == row.Spans ? part : _columns[c].AlignRight ? part.PadLeft(widths[c]) : part.PadRight(widths[c]));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    /// <summary>A row's cells; <paramref name="Spans"/> is the cell that runs on across the columns after it, or -1.</summary>
    private sealed record Row(string[] Cells, int Spans)
    {
        /// <summary>Whether the cell in <paramref name="column"/> counts toward the column's width.</summary>
        public bool Measured(int column) => Spans < 0 || column < Spans;
    }
}
