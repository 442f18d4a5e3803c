using ModelGrid.Openness;

namespace ModelGrid.Contracts.Tests.Openness;

public sealed class OpennessBadgeTests
{
    [Theory]
    [InlineData(MofClass.ClassI, 100, 100, 100, "Class I", "#4c1")]
    [InlineData(MofClass.ClassII, 92.85714285714286, 100, 100, "Class II · I 92.86%", "#4c1")]
    [InlineData(MofClass.ClassIII, 0, 60, 100, "Class III · II 60%", "#4c1")]
    [InlineData(MofClass.Unclassified, 0, 0, 83.33333333333334, "unclassified · III 83.33%", "#76b1c9")]
    [InlineData(MofClass.Unclassified, 0, 0, 0, "unclassified · III 0%", "#9ba0a2")]
    public void Svg_ClassAndProgress_TextAndMotColour(MofClass cls, double p1, double p2, double p3, string text, string colour)
    {
        var svg = OpennessBadge.Svg(cls, new MofProgress(p1, p2, p3));

        Assert.Contains($">{text}</text>", svg, StringComparison.Ordinal);
        Assert.Contains($"fill=\"{colour}\"", svg, StringComparison.Ordinal);
        Assert.Equal(text, OpennessBadge.Text(cls, new MofProgress(p1, p2, p3)));
    }
}
