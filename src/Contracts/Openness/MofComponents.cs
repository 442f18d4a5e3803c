using System.Collections.Frozen;

namespace ModelGrid.Openness;

/// <summary>The framework's component catalogue, as MOT configures it.</summary>
public static class MofComponents
{
    /// <summary>Model architecture (code, Class III).</summary>
    public const string ModelArchitecture = "Model architecture";

    /// <summary>Final model parameters (data, Class III).</summary>
    public const string FinalParameters = "Model parameters (Final)";

    /// <summary>Model card (document, Class III).</summary>
    public const string ModelCard = "Model card";

    /// <summary>Data card (document, Class III).</summary>
    public const string DataCard = "Data card";

    /// <summary>Technical report (document, Class III; a research paper stands in for it).</summary>
    public const string TechnicalReport = "Technical report";

    /// <summary>Evaluation results (document, Class III).</summary>
    public const string EvaluationResults = "Evaluation results";

    /// <summary>Sample model outputs (document, optional).</summary>
    public const string SampleOutputs = "Sample model outputs";

    /// <summary>Training code (code, Class II).</summary>
    public const string TrainingCode = "Training code";

    /// <summary>Inference code (code, Class II).</summary>
    public const string InferenceCode = "Inference code";

    /// <summary>Evaluation code (code, Class II).</summary>
    public const string EvaluationCode = "Evaluation code";

    /// <summary>Evaluation data (data, Class II).</summary>
    public const string EvaluationData = "Evaluation data";

    /// <summary>Supporting libraries and tools (code, optional).</summary>
    public const string SupportingLibraries = "Supporting libraries and tools";

    /// <summary>Data preprocessing code (code, Class I).</summary>
    public const string PreprocessingCode = "Data preprocessing code";

    /// <summary>Datasets (data, Class I).</summary>
    public const string Datasets = "Datasets";

    /// <summary>Intermediate model parameters (data, Class I).</summary>
    public const string IntermediateParameters = "Model parameters (Intermediate)";

    /// <summary>Research paper (document, Class I).</summary>
    public const string ResearchPaper = "Research paper";

    /// <summary>Model metadata (data, optional).</summary>
    public const string ModelMetadata = "Model metadata";

    /// <summary>All 17, in MOT's export order (by weight; Model metadata before Sample model outputs, as MOT's configuration lists them).</summary>
    public static IReadOnlyList<MofComponent> All { get; } =
    [
        new(9, ModelArchitecture, MofContentType.Code, 3, true, -80, "Code that defines the model's architecture, with comments"),
        new(16, PreprocessingCode, MofContentType.Code, 1, true, -60, "Code that cleans, normalises and augments the data"),
        new(7, TrainingCode, MofContentType.Code, 2, true, -40, "Code that trains the model"),
        new(8, InferenceCode, MofContentType.Code, 2, true, -30, "Code that runs the model to make predictions"),
        new(18, EvaluationCode, MofContentType.Code, 2, true, -10, "Code that evaluates the model"),
        new(22, SupportingLibraries, MofContentType.Code, 2, false, 0, "Libraries and tools used to develop the model"),
        new(10, FinalParameters, MofContentType.Data, 3, true, 10, "The trained parameters (weights and biases) of the released model"),
        new(24, IntermediateParameters, MofContentType.Data, 1, true, 20, "Parameters saved at checkpoints during training"),
        new(15, Datasets, MofContentType.Data, 1, true, 30, "The data the model was trained, validated and tested on"),
        new(19, EvaluationData, MofContentType.Data, 2, true, 50, "The data the model was evaluated on"),
        new(17, ModelMetadata, MofContentType.Data, 1, false, 60, "Metadata such as the training configuration and optimiser state"),
        new(20, SampleOutputs, MofContentType.Document, 3, false, 60, "Examples of what the model produces"),
        new(13, ModelCard, MofContentType.Document, 3, true, 70, "What the model is, how it performs, its intended use and limits"),
        new(14, DataCard, MofContentType.Document, 3, true, 80, "What the data is: its sources, characteristics and preprocessing"),
        new(11, TechnicalReport, MofContentType.Document, 3, true, 90, "A report on what the model can do and how to use it"),
        new(21, ResearchPaper, MofContentType.Document, 1, true, 100, "A paper on how the model was developed and what it can do"),
        new(12, EvaluationResults, MofContentType.Document, 3, true, 101, "The results of evaluating the model"),
    ];

    private static readonly FrozenDictionary<string, MofComponent> ByName = All.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The component of that exact name, or null (names are case- and space-sensitive, as in MOT).</summary>
    public static MofComponent? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The component of that exact name; throws <see cref="OpennessFormatException"/> naming the valid ones.</summary>
    public static MofComponent Get(string name) => Find(name) ?? throw new OpennessFormatException(UnknownMessage(name));

    /// <summary>The one-line message for a name that is not a component.</summary>
    public static string UnknownMessage(string name) =>
        $"'{name}' is not a Model Openness Framework component (names are exact and case-sensitive: {string.Join(", ", All.Select(c => c.Name))})";

    /// <summary>The required components of one class (not cumulative), in MOT's order.</summary>
    public static IReadOnlyList<MofComponent> Required(int cls) => [.. All.Where(c => c.Class == cls && c.Required).OrderBy(c => c.Id)];

    /// <summary>The optional component of one class.</summary>
    public static IReadOnlyList<MofComponent> Optional(int cls) => [.. All.Where(c => c.Class == cls && !c.Required).OrderBy(c => c.Id)];
}
