using System.Text.Json;

namespace ModelGrid.Evaluation.Language;

/// <summary>
/// Reads a multiple-choice item set in JSON Lines: one object per line with <c>id</c> (unique), <c>subset</c>,
/// <c>context</c>, <c>choices</c> (two or more strings) and <c>answer</c> (the right choice's index from 0); blank lines
/// are skipped, other keys refused. The format is documented in <c>eval-suites/README.md</c>.
/// </summary>
public static class MultipleChoiceSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The items of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid item; the message names the file and line.</exception>
    public static IReadOnlyList<MultipleChoiceItem> Read(string path)
    {
        var items = new List<MultipleChoiceItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Line? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<Line>(line, Json);
            }
            catch (JsonException e)
            {
                throw Invalid(path, number, $"not an item object ({e.Message})");
            }

            var item = parsed is null ? throw Invalid(path, number, "null is not an item") : Check(parsed, path, number);
            if (!ids.Add(item.Id))
            {
                throw Invalid(path, number, $"the id '{item.Id}' is used twice");
            }

            items.Add(item);
        }

        return items.Count > 0 ? items : throw new InvalidDataException($"{path} holds no items");
    }

    private static MultipleChoiceItem Check(Line line, string path, int number)
    {
        if (string.IsNullOrWhiteSpace(line.Id) || string.IsNullOrWhiteSpace(line.Subset) || line.Context is null)
        {
            throw Invalid(path, number, "id, subset and context are required");
        }

        if (line.Id.AsSpan().IndexOfAny(',', '\n', '\r') >= 0 || line.Subset.AsSpan().IndexOfAny(']', '\n', '\r') >= 0)
        {
            throw Invalid(path, number, "an id holds no comma or line break, a subset no ']' or line break (they name rows and figures)");
        }

        if (line.Choices is not { Count: >= 2 } choices || choices.Any(string.IsNullOrEmpty))
        {
            throw Invalid(path, number, "choices must be two or more non-empty strings");
        }

        if (line.Answer is not { } answer || answer < 0 || answer >= choices.Count)
        {
            throw Invalid(path, number, $"answer must be the index of a choice, 0 to {choices.Count - 1}");
        }

        return new MultipleChoiceItem(line.Id, line.Subset, line.Context, choices, answer);
    }

    private static InvalidDataException Invalid(string path, int line, string reason) => new($"{Path.GetFileName(path)} line {line}: {reason}");

    private sealed record Line(string? Id, string? Subset, string? Context, List<string>? Choices, int? Answer);
}
