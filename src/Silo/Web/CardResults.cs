using ModelGrid.Cards;
using YamlDotNet.RepresentationModel;

namespace ModelGrid.Silo.Web;

/// <summary>Reads the self-reported results out of a publisher's card: <c>model-index[0].results[*].metrics[*]</c>.</summary>
public static class CardResults
{
    /// <summary>Every metric of the card's <c>model-index</c> results; none for a card without one or that cannot be read.</summary>
    /// <param name="card">The publisher's card (r1).</param>
    public static IReadOnlyList<SelfReportedResult> SelfReported(string card)
    {
        ArgumentNullException.ThrowIfNull(card);
        YamlMappingNode? front;
        try
        {
            front = ModelCard.Parse(card).FrontMatter;
        }
        catch (ModelCardException)
        {
            return [];
        }

        if (Child(front, "model-index") is not YamlSequenceNode index || index.Children.FirstOrDefault() is not YamlMappingNode entry
            || Child(entry, "results") is not YamlSequenceNode results)
        {
            return [];
        }

        var found = new List<SelfReportedResult>();
        foreach (var result in results.Children.OfType<YamlMappingNode>())
        {
            var dataset = Scalar(Child(result, "dataset") as YamlMappingNode, "name") ?? Scalar(Child(result, "dataset") as YamlMappingNode, "type") ?? "";
            if (Child(result, "metrics") is not YamlSequenceNode metrics)
            {
                continue;
            }

            foreach (var metric in metrics.Children.OfType<YamlMappingNode>())
            {
                found.Add(new SelfReportedResult(dataset, Scalar(metric, "name") ?? Scalar(metric, "type") ?? "", Scalar(metric, "value") ?? ""));
            }
        }

        return found;
    }

    private static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
