using ModelGrid.Openness;
using ModelGrid.Testing;

namespace ModelGrid.Contracts.Tests.Openness;

/// <summary>The Model Openness Tool's files the tests read: the licence lists as declared artifacts, the corpus and its oracle from the shared folder.</summary>
internal static class MotData
{
    private static readonly Lazy<MofLicenseCatalog> LazyCatalog = new(() =>
        MofLicenseCatalog.Parse(File.ReadAllText(TestArtifacts.Get("licenses.json")), File.ReadAllText(TestArtifacts.Get("mof-licenses.json"))));

    public static MofLicenseCatalog Catalog => LazyCatalog.Value;

    /// <summary>The 273 model files of MOT's repository.</summary>
    public static IReadOnlyList<string> ModelFiles =>
        [.. Directory.GetFiles(TestArtifacts.SharedPath("mot/models"), "*.yml").Order(StringComparer.Ordinal)];

    public static string ModelFile(string name) => Path.Combine(TestArtifacts.SharedPath("mot/models"), name);

    public static string TestData(string name) => Path.Combine(TestArtifacts.SharedPath("mot/testdata"), name);

    public static MofEvaluation Evaluate(string yaml) => MofEvaluator.Evaluate(MotYaml.Read(yaml), Catalog);
}
