using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGrid.Testing;

namespace ModelGrid.FunctionalTests.Adversarial;

/// <summary>
/// What every error answer must be: <c>application/problem+json</c> with the status, a title, and a detail that is one
/// visible line, names no exception or stack frame, and shows none of the server's own folders.
/// </summary>
public static partial class ProblemBody
{
    public static JsonElement Check(WireRequest request, WireResponse response, Outcome expected, AdversarialGrid grid)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(grid);
        Assert.True(response.MediaType == "application/problem+json", $"{request}: an error must be application/problem+json, got {response}");
        var problem = response.Json();
        Assert.True(problem.ValueKind == JsonValueKind.Object, $"{request}: the problem is not a JSON object: {response}");
        Assert.True(
            problem.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == response.Status,
            $"{request}: the problem's status must be {response.Status}: {response}");
        var title = problem.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        Assert.False(string.IsNullOrWhiteSpace(title), $"{request}: the problem has no title: {response}");
        if (expected.Title is not null)
        {
            Assert.True(expected.Title == title, $"{request}: expected the title '{expected.Title}', got '{title}': {response}");
        }

        var detail = problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
        Assert.False(string.IsNullOrWhiteSpace(detail), $"{request}: the problem has no detail: {response}");
        var invisible = detail.FirstOrDefault(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        Assert.True(invisible == default, $"{request}: the detail is not one visible line (U+{(int)invisible:X4}): {response}");
        Assert.False(StackFrame().IsMatch(response.Text), $"{request}: the problem shows an exception or a stack frame: {response}");
        foreach (var folder in ServerFolders(grid))
        {
            Assert.False(response.Text.Contains(folder, StringComparison.Ordinal), $"{request}: the problem names the server's folder {folder}: {response}");
        }

        return problem;
    }

    private static IEnumerable<string> ServerFolders(AdversarialGrid grid) =>
        new[] { grid.DataPath, TestPaths.RepositoryRoot, AppContext.BaseDirectory.TrimEnd('/'), Path.GetTempPath().TrimEnd('/'), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Where(f => f.Length > 1);

    [GeneratedRegex(@"Exception\b|\bat [A-Za-z_][\w.`]*\.[\w<>`]+\(|--- End of|\.cs:line \d+", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();
}
