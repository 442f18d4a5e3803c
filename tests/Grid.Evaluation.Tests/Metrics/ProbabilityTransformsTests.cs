using ModelGrid.Evaluation.Metrics;

namespace ModelGrid.Evaluation.Tests.Metrics;

public sealed class ProbabilityTransformsTests
{
    [Fact]
    public void Sigmoid_KnownLogits_GivesProbabilities()
    {
        Assert.Equal(0.5, ProbabilityTransforms.Sigmoid(0));
        Assert.Equal(0.75, ProbabilityTransforms.Sigmoid(Math.Log(3)), 1e-15);
        Assert.Equal(0.25, ProbabilityTransforms.Sigmoid(-Math.Log(3)), 1e-15);
        Assert.Equal(1.0, ProbabilityTransforms.Sigmoid(1000));
        Assert.Equal(0.0, ProbabilityTransforms.Sigmoid(-1000));
    }

    [Fact]
    public void Softmax_RowsOfLogits_GivesNormalisedRows()
    {
        double[] logits = [0, Math.Log(3), 1000, 1000];
        var probabilities = new double[4];

        ProbabilityTransforms.Softmax(logits, 2, probabilities);

        Assert.Equal(0.25, probabilities[0], 1e-15);
        Assert.Equal(0.75, probabilities[1], 1e-15);
        Assert.Equal(0.5, probabilities[2]);
        Assert.Equal(0.5, probabilities[3]);
    }
}
