using System.ComponentModel.DataAnnotations;

namespace ModelGrid.Silo.Evaluation;

/// <summary>The evaluation suites the grid offers and how submissions are limited (<c>Grid:Evaluation</c>).</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Grid:Evaluation";

    /// <summary>The folder of suite folders; default the <c>eval-suites</c> folder copied beside the silo's binaries.</summary>
    public string? SuitesPath { get; set; }

    /// <summary>Evaluation submissions one token may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int SubmissionsPerMinute { get; set; } = 60;

    /// <summary>The folder of suites in use.</summary>
    public string ResolvedSuitesPath => Path.GetFullPath(SuitesPath ?? Path.Combine(AppContext.BaseDirectory, "eval-suites"));
}
