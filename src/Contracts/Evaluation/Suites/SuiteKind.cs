namespace ModelGrid.Evaluation.Suites;

/// <summary>What a suite measures.</summary>
public enum SuiteKind
{
    /// <summary>Classification quality on a labelled dataset.</summary>
    Accuracy,

    /// <summary>Classification quality plus group fairness over declared sensitive features.</summary>
    Bias,

    /// <summary>Speed on generated inputs; no labels.</summary>
    Throughput,
}
