namespace ModelGrid.Evaluation.Suites;

/// <summary>The prediction task a suite scores.</summary>
public enum TaskKind
{
    /// <summary>Two classes; the suite names the positive one.</summary>
    Binary,

    /// <summary>Classes 0 … K − 1.</summary>
    Multiclass,
}
