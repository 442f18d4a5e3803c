namespace ModelGrid.Openness;

/// <summary>
/// A Model Openness Framework class. Lower numbers are more open and each class includes the ones above it
/// (Class I needs everything Class II needs, which needs everything Class III needs); the numbers are MOT's.
/// </summary>
public enum MofClass
{
    /// <summary>Not even Class III: some component of the Open Model class is missing or not openly licensed.</summary>
    Unclassified = 0,

    /// <summary>Class I, Open Science: Class II plus datasets, preprocessing code, intermediate parameters and the research paper.</summary>
    ClassI = 1,

    /// <summary>Class II, Open Tooling: Class III plus training, inference and evaluation code and the evaluation data.</summary>
    ClassII = 2,

    /// <summary>Class III, Open Model: architecture, final parameters, model and data cards, technical report and evaluation results.</summary>
    ClassIII = 3,
}
