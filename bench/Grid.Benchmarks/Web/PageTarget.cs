namespace ModelGrid.Benchmarks.Web;

/// <summary>A page and the JSON API call that reads the same data, and the markup that shows the page really rendered it.</summary>
public sealed record PageTarget(string Name, string Page, string Api, string Marker);
