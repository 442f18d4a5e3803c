using System.Globalization;
using System.Xml.Linq;

namespace ModelGrid.Silo.Tests.Web.Charts;

/// <summary>Reads a rendered chart back as XML, as a browser's DOM would, to check what it draws.</summary>
internal static class ChartMarkup
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg) => XElement.Parse(svg);

    public static IEnumerable<XElement> WithClass(XElement root, string element, string cssClass) =>
        root.Descendants(Svg + element).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public static double Number(XElement element, string attribute) =>
        double.Parse((string?)element.Attribute(attribute) ?? throw new InvalidOperationException($"no {attribute} on {element.Name.LocalName}"), CultureInfo.InvariantCulture);
}
