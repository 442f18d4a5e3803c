namespace ModelGrid.Benchmarks.Common;

/// <summary>Where every benchmark's report goes: a Markdown file per run in the output folder, and standard output.</summary>
public static class BenchReports
{
    /// <summary>
    /// Writes <paramref name="markdown"/> to <c>{folder}/{name}-{started}.md</c> and prints it; returns the exit status,
    /// 0, or 1 with <paramref name="failure"/> on standard error when the run's own checks did not pass.
    /// </summary>
    public static async Task<int> PublishAsync(string folder, string name, DateTimeOffset started, string markdown, bool checksPassed, string failure, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}-{started:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, markdown, CancellationToken.None);
        Console.WriteLine(markdown);
        log($"report written to {path}");
        if (!checksPassed)
        {
            await Console.Error.WriteLineAsync($"error: {failure}");
            return 1;
        }

        return 0;
    }
}
