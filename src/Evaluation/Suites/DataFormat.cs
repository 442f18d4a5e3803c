namespace ModelGrid.Evaluation.Suites;

/// <summary>How a suite's data are stored.</summary>
public enum DataFormat
{
    /// <summary>One CSV file, one row per example.</summary>
    Csv,

    /// <summary>IDX files (MNIST): one for the items, one for the labels.</summary>
    Idx,

    /// <summary>Inputs generated from a seed (throughput).</summary>
    Generated,
}
