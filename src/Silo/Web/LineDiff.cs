namespace ModelGrid.Silo.Web;

/// <summary>
/// A line diff by longest common subsequence: the lines both texts share in order are kept, the others are removed
/// from the older or added from the newer. Common leading and trailing lines are matched first; when what is left
/// would need a table of more than <see cref="MaxCells"/> cells, it is shown as all removed, then all added.
/// </summary>
public static class LineDiff
{
    /// <summary>The largest LCS table computed (lines of the one text × lines of the other, after the common ends).</summary>
    public const long MaxCells = 4_000_000;

    /// <summary>The diff from <paramref name="older"/> to <paramref name="newer"/>.</summary>
    /// <param name="older">The older text.</param>
    /// <param name="newer">The newer text.</param>
    public static IReadOnlyList<DiffLine> Compute(string older, string newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var a = Lines(older);
        var b = Lines(newer);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var diff = new List<DiffLine>(a.Length + b.Length);
        diff.AddRange(a[..start].Select(l => new DiffLine(DiffLineKind.Same, l)));
        Middle(a[start..endA], b[start..endB], diff);
        diff.AddRange(a[endA..].Select(l => new DiffLine(DiffLineKind.Same, l)));
        return diff;
    }

    private static void Middle(string[] a, string[] b, List<DiffLine> diff)
    {
        if ((long)a.Length * b.Length > MaxCells)
        {
            diff.AddRange(a.Select(l => new DiffLine(DiffLineKind.Removed, l)));
            diff.AddRange(b.Select(l => new DiffLine(DiffLineKind.Added, l)));
            return;
        }

        // lengths[i, j]: the LCS of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                diff.Add(new DiffLine(DiffLineKind.Same, a[x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                diff.Add(new DiffLine(DiffLineKind.Removed, a[x++]));
            }
            else
            {
                diff.Add(new DiffLine(DiffLineKind.Added, b[y++]));
            }
        }

        diff.AddRange(a[x..].Select(l => new DiffLine(DiffLineKind.Removed, l)));
        diff.AddRange(b[y..].Select(l => new DiffLine(DiffLineKind.Added, l)));
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
