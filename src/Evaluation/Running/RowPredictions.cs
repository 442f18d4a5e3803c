using System.Globalization;
using System.Text;

namespace ModelGrid.Evaluation.Running;

/// <summary>
/// The per-row outcome of one evaluation, so that two versions evaluated on the same rows can later be compared with
/// a paired bootstrap. Stored as CSV (<c>row,key,label,prediction,score</c>, invariant culture, round-trip numbers).
/// </summary>
/// <param name="Keys">Each row's key (the suite's row-key column, or the row number).</param>
/// <param name="Labels">True labels.</param>
/// <param name="Predictions">Predicted labels.</param>
/// <param name="Scores">Binary: P(y = 1); multiclass: the predicted class's probability; NaN for label outputs.</param>
public sealed record RowPredictions(IReadOnlyList<string> Keys, int[] Labels, int[] Predictions, double[] Scores)
{
    private const string Header = "row,key,label,prediction,score";

    /// <summary>The number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The CSV text.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder(Count * 32);
        text.Append(Header).Append('\n');
        for (var i = 0; i < Count; i++)
        {
            text.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Keys[i]).Append(',')
                .Append(Labels[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Predictions[i].ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(double.IsNaN(Scores[i]) ? "" : Scores[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads what <see cref="ToCsv"/> wrote.</summary>
    public static RowPredictions Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new FormatException($"predictions must start with '{Header}'");
        }

        var n = lines.Length - 1;
        var keys = new string[n];
        var labels = new int[n];
        var predictions = new int[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            var fields = lines[i + 1].Split(',');
            if (fields.Length != 5 || fields[0] != i.ToString(CultureInfo.InvariantCulture))
            {
                throw new FormatException($"predictions line {i + 2} is not 'row,key,label,prediction,score' for row {i}");
            }

            keys[i] = fields[1];
            labels[i] = int.Parse(fields[2], CultureInfo.InvariantCulture);
            predictions[i] = int.Parse(fields[3], CultureInfo.InvariantCulture);
            scores[i] = fields[4].Length == 0 ? double.NaN : double.Parse(fields[4], CultureInfo.InvariantCulture);
        }

        return new RowPredictions(keys, labels, predictions, scores);
    }
}
