using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModelGrid.Contracts.Tests.Openness;

/// <summary>MOT's own regression oracle: its REST output for 27 test models, class and the three progress values.</summary>
public sealed partial class MofEvaluatorOracleTests
{
    [Fact]
    public void Evaluate_MotRegressionOracle_Reproduces27Of27Exactly()
    {
        // MOT's dump keeps the commas of the date lines that were stripped from it.
        var json = TrailingComma().Replace(File.ReadAllText(MotData.TestData("expected_results.json")), "$1");
        using var document = JsonDocument.Parse(json);
        var models = document.RootElement.GetProperty("models").EnumerateArray().ToList();
        var mismatches = new List<string>();
        foreach (var model in models)
        {
            var yaml = $"{{\"framework\": {model.GetProperty("framework").GetRawText()}, \"release\": {model.GetProperty("release").GetRawText()}}}";
            var result = MotData.Evaluate(yaml);
            var expected = model.GetProperty("classification");
            var progress = expected.GetProperty("progress");
            var want = string.Create(CultureInfo.InvariantCulture, $"{expected.GetProperty("class").GetInt32()} {expected.GetProperty("label").GetString()} {progress.GetProperty("1").GetDouble():R} {progress.GetProperty("2").GetDouble():R} {progress.GetProperty("3").GetDouble():R}");
            var got = string.Create(CultureInfo.InvariantCulture, $"{(int)result.Class} {result.Label} {result.Progress.ClassI:R} {result.Progress.ClassII:R} {result.Progress.ClassIII:R}");
            if (want != got)
            {
                mismatches.Add($"{model.GetProperty("release").GetProperty("name").GetString()}: want {want}, got {got}");
            }
        }

        Assert.Equal(27, models.Count);
        Assert.Empty(mismatches);
    }

    [GeneratedRegex(@",(\s*[}\]])")]
    private static partial Regex TrailingComma();
}
