using System.Globalization;
using System.Xml.Linq;
using ModelGrid.Silo.Web.Charts;
using static ModelGrid.Silo.Tests.Web.Charts.ChartMarkup;

namespace ModelGrid.Silo.Tests.Web.Charts;

public sealed class GroupedBarChartTests
{
    private static readonly ChartData Rates = new(
        "chart-bars",
        "selection_rate by sex",
        "Grouped bars of selection_rate.",
        "selection_rate",
        ["Female", "Male"],
        [1, 2, 3],
        [
            new("Female", 1, 0.25, 0.2, 0.3),
            new("Female", 2, 0.3125, 0.29, 0.335),
            new("Female", 3, 0.41, 0.38, 0.44),
            new("Male", 1, 0.47, 0.45, 0.49),
            new("Male", 2, 0.39, 0.37, 0.41),
            new("Male", 3, 0.355555555, 0.33, 0.38),
        ]);

    [Fact]
    public void Render_EveryFigure_OneBarWithItsContractAttributes()
    {
        var svg = Parse(GroupedBarChart.Render(Rates));

        var bars = WithClass(svg, "rect", "bar").ToList();
        Assert.Equal(6, bars.Count);
        foreach (var figure in Rates.Values)
        {
            var bar = Assert.Single(bars, b => (string?)b.Attribute("data-group") == figure.Group && (string?)b.Attribute("data-version") == figure.Version.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("selection_rate", (string?)bar.Attribute("data-metric"));
            Assert.Equal(figure.Value!.Value.ToString("F6", CultureInfo.InvariantCulture), (string?)bar.Attribute("data-value"));
            Assert.Equal(figure.Low!.Value.ToString("F6", CultureInfo.InvariantCulture), (string?)bar.Attribute("data-low"));
            Assert.Equal(figure.High!.Value.ToString("F6", CultureInfo.InvariantCulture), (string?)bar.Attribute("data-high"));
        }

        Assert.Equal("0.355556", (string?)bars.Single(b => (string?)b.Attribute("data-group") == "Male" && (string?)b.Attribute("data-version") == "3").Attribute("data-value"));
    }

    [Fact]
    public void Render_Bars_HeightsProportionalToValuesFromTheBaseline()
    {
        var svg = Parse(GroupedBarChart.Render(Rates));
        var scale = GroupedBarChart.Scale(Rates);
        var pixelsPerUnit = (scale.Bottom - scale.Top) / (scale.Max - scale.Min);

        foreach (var bar in WithClass(svg, "rect", "bar"))
        {
            var value = Number(bar, "data-value");
            Assert.Equal(value * pixelsPerUnit, Number(bar, "height"), 2);
            Assert.Equal(scale.Y(0), Number(bar, "y") + Number(bar, "height"), 2);
            Assert.Equal(scale.Y(value), Number(bar, "y"), 2);
        }

        // Twice the value, twice the height: 0.25 against 0.47 is read off the drawing alone.
        var bars = WithClass(svg, "rect", "bar").ToList();
        var female1 = bars.Single(b => (string?)b.Attribute("data-group") == "Female" && (string?)b.Attribute("data-version") == "1");
        var male1 = bars.Single(b => (string?)b.Attribute("data-group") == "Male" && (string?)b.Attribute("data-version") == "1");
        Assert.Equal(0.25 / 0.47, Number(female1, "height") / Number(male1, "height"), 3);
    }

    [Fact]
    public void Render_Intervals_WhiskersFromLowToHigh()
    {
        var svg = Parse(GroupedBarChart.Render(Rates));
        var scale = GroupedBarChart.Scale(Rates);

        var whiskers = WithClass(svg, "g", "whisker").ToList();
        Assert.Equal(6, whiskers.Count);
        foreach (var whisker in whiskers)
        {
            var line = WithClass(whisker, "line", "whisker-line").Single();
            Assert.Equal(scale.Y(Number(whisker, "data-low")), Number(line, "y1"), 2);
            Assert.Equal(scale.Y(Number(whisker, "data-high")), Number(line, "y2"), 2);
            Assert.Equal(scale.Y(Number(whisker, "data-low")), Number(WithClass(whisker, "line", "low").Single(), "y1"), 2);
            Assert.Equal(scale.Y(Number(whisker, "data-high")), Number(WithClass(whisker, "line", "high").Single(), "y1"), 2);
        }

        // The whisker stands on its bar's centre.
        var bar = WithClass(svg, "rect", "bar").First();
        var firstLine = WithClass(whiskers[0], "line", "whisker-line").Single();
        Assert.Equal(Number(bar, "x") + (Number(bar, "width") / 2), Number(firstLine, "x1"), 2);
    }

    [Fact]
    public void Render_AxisRange_CoversEveryIntervalEnd()
    {
        var wide = Rates with { Values = [new("Female", 1, 0.5, 0.1, 0.93), new("Male", 1, 0.4, 0.35, 0.45)], Versions = [1] };

        var svg = Parse(GroupedBarChart.Render(wide));

        var ticks = WithClass(svg, "text", "tick-label").Select(t => Number(t, "data-value")).ToList();
        Assert.Equal(0, ticks.Min());
        Assert.True(ticks.Max() >= 0.93, $"the axis ends at {ticks.Max()}, below the interval's 0.93");
        Assert.True(ticks.Max() < 1.2, $"the axis ends at {ticks.Max()}, far beyond the data");
    }

    [Fact]
    public void Render_MissingInterval_BarWithoutWhiskerOrEnds()
    {
        var data = Rates with { Versions = [1], Values = [new("Female", 1, 0.25, null, null), new("Male", 1, 0.47, double.NaN, double.NaN)] };

        var svg = Parse(GroupedBarChart.Render(data));

        var bars = WithClass(svg, "rect", "bar").ToList();
        Assert.Equal(2, bars.Count);
        Assert.All(bars, b => Assert.Null(b.Attribute("data-low")));
        Assert.All(bars, b => Assert.Null(b.Attribute("data-high")));
        Assert.Empty(WithClass(svg, "g", "whisker"));
        Assert.Contains("(no interval)", bars[0].Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingValue_MarkedNotReportedInsteadOfABar()
    {
        var data = Rates with { Versions = [1, 2], Values = [new("Female", 1, 0.25, 0.2, 0.3), new("Female", 2, double.NaN, double.NaN, double.NaN), new("Male", 1, null, null, null)] };

        var svg = Parse(GroupedBarChart.Render(data));

        var bars = WithClass(svg, "rect", "bar").ToList();
        var bar = Assert.Single(bars);
        Assert.Equal("Female", (string?)bar.Attribute("data-group"));
        var missing = WithClass(svg, "text", "missing").ToList();
        // Female@2 is NaN, Male@1 is null and Male@2 has no figure at all: each is marked.
        Assert.Equal(3, missing.Count);
        Assert.All(missing, m => Assert.StartsWith("n/a", m.Value, StringComparison.Ordinal));
        Assert.Contains(missing, m => (string?)m.Attribute("data-group") == "Male" && (string?)m.Attribute("data-version") == "2");
    }

    [Fact]
    public void Render_NoGroups_EmptyChartStillLabelled()
    {
        var data = Rates with { Groups = [], Values = [] };

        var svg = Parse(GroupedBarChart.Render(data));

        Assert.Empty(WithClass(svg, "rect", "bar"));
        Assert.Equal("selection_rate by sex", svg.Element(Svg + "title")!.Value);
        var ticks = WithClass(svg, "text", "tick-label").Select(t => t.Value).ToList();
        Assert.Equal("0", ticks[0]);
        Assert.Equal("1", ticks[^1]);
        Assert.Single(WithClass(svg, "g", "legend-item"), i => i.Element(Svg + "text")!.Value == "version 1");
    }

    [Fact]
    public void Render_Svg_AccessibleImageLabelledByItsTitleAndDescription()
    {
        var svg = Parse(GroupedBarChart.Render(Rates));

        Assert.Equal("chart-bars", (string?)svg.Attribute("id"));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var labelledBy = ((string?)svg.Attribute("aria-labelledby"))!.Split(' ');
        var title = svg.Elements(Svg + "title").Single();
        var desc = svg.Elements(Svg + "desc").Single();
        Assert.Equal([(string)title.Attribute("id")!, (string)desc.Attribute("id")!], labelledBy);
        Assert.Equal("Grouped bars of selection_rate.", desc.Value);
        Assert.Same(title, svg.Elements().First());
    }

    [Fact]
    public void Render_Versions_EachHisOwnPatternAndALegendEntry()
    {
        var svg = Parse(GroupedBarChart.Render(Rates));

        var fills = Rates.Versions.Select(v => WithClass(svg, "rect", "bar").Where(b => (string?)b.Attribute("data-version") == v.ToString(CultureInfo.InvariantCulture)).Select(b => (string?)b.Attribute("fill")).Distinct().Single()).ToList();
        Assert.Equal(3, fills.Distinct().Count());
        var patterns = svg.Descendants(Svg + "pattern").ToList();
        Assert.Equal(3, patterns.Count);
        // Pattern textures differ, not only colours: the markup of each pattern without its id is distinct.
        Assert.Equal(3, patterns.Select(p => string.Concat(p.Elements().Select(e => e.ToString()))).Distinct().Count());
        Assert.Equal(["version 1", "version 2", "version 3"], WithClass(svg, "g", "legend-item").Select(i => i.Element(Svg + "text")!.Value));
    }

    [Fact]
    public void Render_HostileGroupName_EncodedEverywhere()
    {
        const string Hostile = "\"><script>alert(1)</script><g onload=\"x\" a='b' &amp;";
        var data = Rates with
        {
            Title = $"rate by {Hostile}",
            Description = Hostile,
            Metric = $"m{Hostile}",
            Groups = [Hostile],
            Versions = [1],
            Values = [new(Hostile, 1, 0.5, 0.4, 0.6)],
        };

        var markup = GroupedBarChart.Render(data);

        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload=\"", markup, StringComparison.OrdinalIgnoreCase);
        var svg = Parse(markup);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Name.LocalName is "script" || e.Attributes().Any(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)));
        var bar = WithClass(svg, "rect", "bar").Single();
        Assert.Equal(Hostile, (string?)bar.Attribute("data-group"));
        Assert.Equal($"m{Hostile}", (string?)bar.Attribute("data-metric"));
        Assert.Equal(Hostile, WithClass(svg, "text", "group-label").Single().Value);
        Assert.Equal(Hostile, svg.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void Render_NegativeValue_BarHangsBelowTheBaseline()
    {
        var data = Rates with { Versions = [1], Values = [new("Female", 1, -0.2, -0.3, -0.1), new("Male", 1, 0.1, 0.05, 0.15)] };

        var svg = Parse(GroupedBarChart.Render(data));
        var scale = GroupedBarChart.Scale(data);

        var negative = WithClass(svg, "rect", "bar").Single(b => (string?)b.Attribute("data-group") == "Female");
        Assert.Equal(scale.Y(0), Number(negative, "y"), 2);
        Assert.Equal(scale.Y(-0.2), Number(negative, "y") + Number(negative, "height"), 2);
        Assert.Equal(new XAttribute("data-value", "-0.200000").Value, (string?)negative.Attribute("data-value"));
    }
}
