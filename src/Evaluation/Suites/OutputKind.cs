namespace ModelGrid.Evaluation.Suites;

/// <summary>What the model's output holds, as the suite declares it (nothing is inferred).</summary>
public enum OutputKind
{
    /// <summary>Probabilities: P(y = 1) for a binary task ([N, 1], or [N, 2] with the positive class second), one per class otherwise.</summary>
    Probabilities,

    /// <summary>Unnormalised scores: a sigmoid (binary, [N, 1]) or a softmax (multiclass) gives the probabilities.</summary>
    Logits,

    /// <summary>Predicted labels only; score metrics (ROC AUC, log-loss, Brier, ECE) are not reported.</summary>
    Label,
}
