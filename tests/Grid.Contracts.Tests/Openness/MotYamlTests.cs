using ModelGrid.Openness;

namespace ModelGrid.Contracts.Tests.Openness;

public sealed class MotYamlTests
{
    private const string Head = "framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: '2024-12-15'\nrelease:\n  name: x\n  producer: p\n";

    [Fact]
    public void ReadWriteRead_Every273CorpusFile_IsLossless()
    {
        var files = MotData.ModelFiles;
        var changed = new List<string>();
        foreach (var file in files)
        {
            var first = MotYaml.Read(File.ReadAllText(file));
            var again = MotYaml.Read(MotYaml.Write(first));
            if (!first.Equals(again) || MotYaml.Write(again) != MotYaml.Write(first))
            {
                changed.Add(Path.GetFileName(file));
            }
        }

        Assert.Equal(273, files.Count);
        Assert.Empty(changed);
    }

    [Fact]
    public void Read_ComponentLicenceStates_KeepInheritAndNoneApart()
    {
        var record = MotYaml.Read(Head + """
              license:
                distribution: {name: MIT, path: LICENSE}
              components:
                - {name: Model architecture}
                - {name: Training code, license: ~}
                - {name: Inference code, license: ''}
                - {name: Evaluation code, license: unlicensed}
                - {name: Model card, license: CC-BY-4.0, license_path: card/LICENSE, component_path: README.md}
            """);

        Assert.Equal(
            [
                new ComponentRelease("Model architecture"),
                new ComponentRelease("Training code"),
                new ComponentRelease("Inference code", "unlicensed"),
                new ComponentRelease("Evaluation code", "unlicensed"),
                new ComponentRelease("Model card", "CC-BY-4.0", "card/LICENSE", "README.md"),
            ],
            record.Components);
        Assert.Equal(new ReleaseLicense("MIT", "LICENSE"), record.Licenses.Distribution);
    }

    [Fact]
    public void Read_RepeatedComponent_LastEntryWinsInFrameworkOrder()
    {
        var record = MotYaml.Read(Head + "  components:\n    - {name: Model card, license: MIT}\n    - {name: Model architecture}\n    - {name: Model card, license: CC-BY-4.0}\n");

        Assert.Equal([new ComponentRelease("Model architecture"), new ComponentRelease("Model card", "CC-BY-4.0")], record.Components);
    }

    [Theory]
    [InlineData("  components:\n    - {name: model card}\n", "release.components[0]: 'model card' is not a Model Openness Framework component (names are exact and case-sensitive: Model architecture, Data preprocessing code, Training code, Inference code, Evaluation code, Supporting libraries and tools, Model parameters (Final), Model parameters (Intermediate), Datasets, Evaluation data, Model metadata, Sample model outputs, Model card, Data card, Technical report, Research paper, Evaluation results)")]
    [InlineData("  weights: yes\n", "release has the key 'weights', which MOT does not accept (known: name, version, date, type, architecture, treatment, origin, producer, contact, repository, huggingface, license, components)")]
    [InlineData("  components: {name: Model card}\n", "'release.components' must be a list")]
    [InlineData("  components:\n    - {license: MIT}\n", "'release.components[0]' has no 'name'")]
    [InlineData("  license: {distribution: MIT}\n", "'release.license.distribution' must be a mapping with 'name' and 'path'")]
    [InlineData("  components: [\n", "the YAML is invalid at line 9, column 1: While parsing a node, did not find expected node content.")]
    public void Read_BadFile_ThrowsOneLineSayingWhatAndWhere(string tail, string message)
    {
        var e = Assert.Throws<OpennessFormatException>(() => MotYaml.Read(Head + tail));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Read_NoRelease_Throws()
    {
        var e = Assert.Throws<OpennessFormatException>(() => MotYaml.Read("framework: {name: Model Openness Framework}\n"));
        Assert.Equal("the file needs a 'release' mapping", e.Message);
    }

    [Fact]
    public void Write_Record_EmitsOnlyMotKeysInWeightOrderWithUnlicensed()
    {
        var record = new OpennessRecord("It's", "p", "2025-01-02", new ReleaseLicenses(Code: new ReleaseLicense("MIT", null)),
            [new ComponentRelease("Model card", "", ComponentPath: "README.md", Files: ["README.md"]), new ComponentRelease("Model architecture")]);

        Assert.Equal(
            """
            framework:
              name: 'Model Openness Framework'
              version: '1.0'
              date: '2024-12-15'
            release:
              name: 'It''s'
              date: '2025-01-02'
              producer: 'p'
              license:
                code:
                  name: 'MIT'
                  path:
              components:
                -
                  name: 'Model architecture'
                  description: 'Code that defines the model''s architecture, with comments'
                -
                  name: 'Model card'
                  description: 'What the model is, how it performs, its intended use and limits'
                  license: 'unlicensed'
                  component_path: 'README.md'

            """.ReplaceLineEndings("\n"),
            MotYaml.Write(record));
    }

    [Fact]
    public void Write_ControlCharacters_ReadBackExactly()
    {
        var record = new OpennessRecord("a\nb\t\"c\"\\", null, null, ReleaseLicenses.None, []);

        Assert.Equal(record, MotYaml.Read(MotYaml.Write(record)));
    }
}
