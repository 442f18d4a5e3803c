using ModelGrid.Bom;
using ModelGrid.Cards;
using ModelGrid.Evaluation.Running;
using ModelGrid.Hub;

namespace ModelGrid.Contracts.Tests.Bom;

/// <summary>Inputs of the bill of materials, as the API gathers them for a version.</summary>
internal static class BomInputs
{
    public const string Card = """
        ---
        license: apache-2.0
        pipeline_tag: tabular-classification
        model_type: logistic-regression
        ---

        # A toy model

        ## Intended use

        Comparing versions on the grid's fairness suite.

        ## Limits

        - Trained on one county's records.
        - Not for decisions about people.

        ## Sensitive attributes

        Race and sex are inputs of v1.

        | name | type |
        | --- | --- |
        | age | float |
        """;

    public static readonly ManifestFile Weights = new("model.onnx", 1234, new string('a', 64));
    public static readonly ManifestFile Notes = new("docs/notes.txt", 10, new string('b', 64));

    public static BomInput Version(params EvaluationReport[] reports) => new(
        new ModelId("alice", "toy"),
        3,
        new string('c', 64),
        new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero),
        [Weights, Notes],
        "A toy model",
        "tabular-classification",
        "MIT",
        Card,
        reports.Length + 1,
        [.. reports.Select((r, i) => new RecordedResult(new Guid(i + 1, 0, 0, new byte[8]), 1, r))],
        [.. reports.Select(r => r.Suite).Distinct().Select(Suite)],
        []);

    public static BomSuite Suite(string id) => new(
        id,
        1,
        new string('d', 64),
        "Charged again within two years",
        "---\nlicense: NOASSERTION\n---\n# The data\n",
        ["age (float)", "sex (string)"],
        ["probability (probabilities)"],
        [
            new BomArtifact("plain.csv", 100, new string('e', 64), "CC-BY-4.0", "A plain file", new Uri("https://raw.githubusercontent.com/o/r/0123/plain.csv"), null, null),
            new BomArtifact(
                "derived.csv", 90, new string('f', 64), "none stated (public records)", null, null,
                new BomArtifactOrigin("original.csv", 120, new string('0', 64), new Uri("https://raw.githubusercontent.com/o/r/0123/original.csv"), "drop the CSV columns name, dob"),
                null),
            new BomArtifact("converted.onnx", 80, new string('1', 64), "MIT", null, null, null, "converted from a GGUF file"),
        ]);
}
