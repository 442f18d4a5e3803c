namespace ModelGrid.Silo.Web;

/// <summary>The home page's search, read from its query string (<c>q</c>, <c>task</c>, <c>license</c>, <c>tag</c>, <c>owner</c>, <c>sort</c>, <c>page</c>).</summary>
public sealed record ModelListFilter
{
    /// <summary>Free text over id, description and tags.</summary>
    public string? Search { get; init; }

    /// <summary>Exact task.</summary>
    public string? Task { get; init; }

    /// <summary>Licence (SPDX id), compared without regard to case.</summary>
    public string? License { get; init; }

    /// <summary>Exact tag.</summary>
    public string? Tag { get; init; }

    /// <summary>Exact owner namespace.</summary>
    public string? Owner { get; init; }

    /// <summary>The order.</summary>
    public ModelListSort Sort { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Reads the filter from a query string; unknown values of sort and page fall back to the defaults.</summary>
    /// <param name="query">The request's query.</param>
    public static ModelListFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ModelListFilter
        {
            Search = Value(query, "q"),
            Task = Value(query, "task"),
            License = Value(query, "license"),
            Tag = Value(query, "tag"),
            Owner = Value(query, "owner"),
            Sort = Value(query, "sort") == "evaluated" ? ModelListSort.Evaluated : ModelListSort.Recent,
            Page = int.TryParse(Value(query, "page"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1,
        };
    }

    /// <summary>The home page's address with this filter on <paramref name="page"/>.</summary>
    /// <param name="page">The page.</param>
    public string Href(int page)
    {
        var parts = new List<string>();
        Add(parts, "q", Search);
        Add(parts, "task", Task);
        Add(parts, "license", License);
        Add(parts, "tag", Tag);
        Add(parts, "owner", Owner);
        Add(parts, "sort", Sort == ModelListSort.Evaluated ? "evaluated" : null);
        Add(parts, "page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "/" : "/?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
}
