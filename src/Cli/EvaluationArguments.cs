using System.Globalization;
using ModelGrid.Client.Transfer;
using ModelGrid.Evaluations;

namespace ModelGrid.Client.Cli;

/// <summary>Parses the arguments of <c>grid eval</c> and <c>grid compare</c>: job ids, durations, version lists, statuses.</summary>
public static class EvaluationArguments
{
    public static Guid ParseJobId(string text) =>
        Guid.TryParseExact(text, "D", out var id) || Guid.TryParseExact(text, "N", out id)
            ? id
            : throw new CliException($"'{text}' is not a job id (a GUID such as 3f2b…-…, as 'grid eval submit' prints it)");

    /// <summary>"90s", "10m", "1h", "1h30m" or a plain number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) && plain > 0)
        {
            return TimeSpan.FromSeconds(plain);
        }

        var total = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9' && digits < 9)
            {
                number = (number * 10) + (c - '0');
                digits++;
                continue;
            }

            TimeSpan? unit = c switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                _ => null,
            };
            if (unit is null || digits == 0)
            {
                throw BadDuration(text);
            }

            total += unit.Value * number;
            number = 0;
            digits = 0;
        }

        return digits == 0 && total > TimeSpan.Zero ? total : throw BadDuration(text);
    }

    /// <summary>"1,2,3": two or more different version numbers.</summary>
    public static IReadOnlyList<int> ParseVersions(string text)
    {
        var numbers = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            numbers.Add(VersionRef.TryParseNumber(part, out var n)
                ? n
                : throw new CliException($"in --versions, {VersionRef.NotANumber(part)}; use e.g. --versions 1,2,3"));
        }

        return numbers.Count >= 2 && numbers.Distinct().Count() == numbers.Count
            ? numbers
            : throw new CliException($"--versions {text} does not name two or more different versions; use e.g. --versions 1,2,3");
    }

    public static JobStatus ParseStatus(string text) =>
        Enum.TryParse<JobStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _)
            ? status
            : throw new CliException($"'{text}' is not a job status; use queued, leased, succeeded, failed or cancelled");

    private static CliException BadDuration(string text) =>
        new($"'{text}' is not a duration; use e.g. 90s, 10m, 1h30m or a number of seconds");
}
