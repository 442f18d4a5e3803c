using System.Globalization;
using ModelGrid.Silo.Web.Charts;
using static ModelGrid.Silo.Tests.Web.Charts.ChartMarkup;

namespace ModelGrid.Silo.Tests.Web.Charts;

public sealed class VersionLineChartTests
{
    private static readonly ChartData Rates = new(
        "chart-lines",
        "false_positive_rate by race",
        "One line per race group.",
        "false_positive_rate",
        ["African-American", "Caucasian", "Hispanic"],
        [1, 2, 4],
        [
            new("African-American", 1, 0.423, 0.40, 0.45),
            new("African-American", 2, 0.31, 0.29, 0.33),
            new("African-American", 4, 0.2875, 0.26, 0.31),
            new("Caucasian", 1, 0.22, 0.2, 0.24),
            new("Caucasian", 2, double.NaN, double.NaN, double.NaN),
            new("Caucasian", 4, 0.19, 0.17, 0.21),
            new("Hispanic", 4, 0.18, null, null),
        ]);

    [Fact]
    public void Render_EveryDrawnFigure_OnePointAtItsValue()
    {
        var svg = Parse(VersionLineChart.Render(Rates));
        var scale = VersionLineChart.Scale(Rates);

        var points = WithClass(svg, "circle", "point").ToList();
        Assert.Equal(6, points.Count);
        foreach (var figure in Rates.Values.Where(v => v.Drawn is not null))
        {
            var point = Assert.Single(points, p => (string?)p.Attribute("data-group") == figure.Group && (string?)p.Attribute("data-version") == figure.Version.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(figure.Value!.Value.ToString("F6", CultureInfo.InvariantCulture), (string?)point.Attribute("data-value"));
            Assert.Equal(scale.Y(figure.Value!.Value), Number(point, "cy"), 2);
            Assert.Equal(VersionLineChart.X(Rates.Versions.ToList().IndexOf(figure.Version)), Number(point, "cx"), 2);
        }
    }

    [Fact]
    public void Render_VersionsInTheOrderAsked_EvenlySpaced()
    {
        var svg = Parse(VersionLineChart.Render(Rates with { Versions = [4, 1, 2] }));

        var labels = WithClass(svg, "text", "version-label").ToList();
        Assert.Equal(["version 4", "version 1", "version 2"], labels.Select(l => l.Value));
        Assert.Equal(Number(labels[1], "x") - Number(labels[0], "x"), Number(labels[2], "x") - Number(labels[1], "x"), 3);
    }

    [Fact]
    public void Render_MissingFigure_BreaksTheLine()
    {
        var svg = Parse(VersionLineChart.Render(Rates));

        var lines = WithClass(svg, "path", "line").ToDictionary(l => (string)l.Attribute("data-group")!, l => (string)l.Attribute("d")!);
        Assert.Equal(1, lines["African-American"].Count(c => c == 'M'));
        Assert.Equal(2, lines["African-American"].Count(c => c == 'L'));
        // Caucasian@2 is not reported: two separate pieces, no segment drawn through the gap.
        Assert.Equal(2, lines["Caucasian"].Count(c => c == 'M'));
        Assert.DoesNotContain('L', lines["Caucasian"]);
    }

    [Fact]
    public void Render_Groups_DistinctColourAndDashAndNamedAtTheirEnd()
    {
        var svg = Parse(VersionLineChart.Render(Rates));

        var lines = WithClass(svg, "path", "line").ToList();
        Assert.Equal(3, lines.Select(l => (string?)l.Attribute("stroke")).Distinct().Count());
        Assert.Equal(3, lines.Select(l => (string?)l.Attribute("stroke-dasharray") ?? "solid").Distinct().Count());
        Assert.Equal(Rates.Groups, WithClass(svg, "text", "line-label").Select(l => l.Value));
        Assert.Equal(Rates.Groups, WithClass(svg, "g", "legend-item").Select(i => i.Element(Svg + "text")!.Value));
        Assert.All(lines, l => Assert.Contains((string)l.Attribute("stroke")!, ChartStyle.Colours));
    }

    [Fact]
    public void Render_Svg_AccessibleImageLabelledByItsTitleAndDescription()
    {
        var svg = Parse(VersionLineChart.Render(Rates));

        Assert.Equal("chart-lines", (string?)svg.Attribute("id"));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("chart-lines-title chart-lines-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("chart-lines-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("chart-lines-desc", (string?)svg.Element(Svg + "desc")!.Attribute("id"));
    }

    [Fact]
    public void Render_HostileGroupName_EncodedInPointsLinesAndLabels()
    {
        const string Hostile = "\"><script>alert(1)</script>";
        var data = Rates with { Groups = [Hostile], Values = [new(Hostile, 1, 0.3, 0.2, 0.4)] };

        var markup = VersionLineChart.Render(data);

        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        var svg = Parse(markup);
        Assert.Equal(Hostile, (string?)WithClass(svg, "circle", "point").Single().Attribute("data-group"));
        Assert.Equal(Hostile, WithClass(svg, "text", "line-label").Single().Value);
    }

    [Fact]
    public void Render_NoFigures_AxisAndNoPoints()
    {
        var svg = Parse(VersionLineChart.Render(Rates with { Values = [] }));

        Assert.Empty(WithClass(svg, "circle", "point"));
        Assert.Empty(WithClass(svg, "path", "line"));
        Assert.Equal(3, WithClass(svg, "text", "version-label").Count());
    }
}
