using System.Globalization;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// How many cases the corpus runs, by category, printed with every test run; and the floor under which it may not
/// shrink unnoticed: at least 300 cases, none of the categories empty.
/// </summary>
public sealed class CorpusSizeTests
{
    public const int Floor = 300;

    /// <summary>Each category and its number of cases, as the corpus's test classes generate them.</summary>
    public static IReadOnlyList<(string Category, int Cases)> ByCategory() =>
    [
        ("routes x identities", AuthorizationCorpusTests.Cases().Count),
        ("private-model visibility", VisibilityCorpusTests.Cases().Count),
        ("names and paths", NamesCorpusTests.Cases().Count),
        ("ranges and conditional headers", RangesCorpusTests.Cases().Count),
        ("sizes and digests", UploadsCorpusTests.Cases().Count),
        ("JSON bodies", JsonCorpusTests.Cases().Count),
        ("cards", CardsCorpusTests.Cases().Count),
        ("ONNX files", OnnxCorpusTests.Cases().Count),
    ];

    [Fact]
    public void Corpus_Counted_HoldsAtLeast300CasesAndNoEmptyCategory()
    {
        var counts = ByCategory();
        var total = counts.Sum(c => c.Cases);
        var summary = string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Category} {c.Cases}")));
        TestContext.Current.SendDiagnosticMessage($"adversarial corpus: {total} cases ({summary})");
        TestContext.Current.TestOutputHelper?.WriteLine($"adversarial corpus: {total} cases ({summary})");

        Assert.All(counts, c => Assert.True(c.Cases > 0, $"the category '{c.Category}' has no case"));
        Assert.True(total >= Floor, $"the corpus holds {total} cases, fewer than {Floor}: {summary}");
    }
}
