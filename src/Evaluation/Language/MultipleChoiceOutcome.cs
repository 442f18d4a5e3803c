namespace ModelGrid.Evaluation.Language;

/// <summary>
/// How a model answered one item: each choice's summed log-likelihood, the choice with the highest (<c>acc</c>) and the
/// one with the highest per UTF-8 byte of the choice (<c>acc_norm</c>); the first of equals wins, as numpy's argmax.
/// </summary>
public sealed record MultipleChoiceOutcome(MultipleChoiceItem Item, IReadOnlyList<double> LogLikelihoods, int Chosen, int ChosenNormalized)
{
    public bool Correct => Chosen == Item.Answer;

    public bool CorrectNormalized => ChosenNormalized == Item.Answer;
}
