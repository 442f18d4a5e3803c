using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// The presentations known to a process, by kind. <see cref="Default"/> is what cards, reports and terminal text use;
/// it starts with the built-in kinds, and the engine's registry (<c>SuiteKinds</c>) adds the presentation of every kind
/// registered there. Tests build their own instance. A result of a kind this process does not know is shown plainly
/// (its metrics in one table) rather than refused, so a card never fails over a newer kind.
/// </summary>
public sealed class SuiteKindPresentations
{
    private readonly Lock _lock = new();
    private volatile ISuiteKindPresentation[] _all = [];

    /// <summary>A registry holding the built-in kinds: accuracy, bias, throughput and the language-model kinds (multiple-choice, sentence-pairs, generation).</summary>
    public SuiteKindPresentations()
    {
        Register(ClassificationPresentation.Accuracy);
        Register(ClassificationPresentation.Bias);
        Register(ThroughputPresentation.Instance);
        Register(MultipleChoicePresentation.Instance);
        Register(SentencePairsPresentation.Instance);
        Register(GenerationPresentation.Instance);
    }

    /// <summary>The process's registry.</summary>
    public static SuiteKindPresentations Default { get; } = new();

    /// <summary>Every registered presentation, in registration order.</summary>
    public IReadOnlyList<ISuiteKindPresentation> All => _all;

    /// <summary>
    /// Adds <paramref name="presentation"/>. Registering the same instance again does nothing; another presentation for
    /// a kind already registered is refused.
    /// </summary>
    /// <param name="presentation">The presentation.</param>
    /// <exception cref="InvalidOperationException">Another presentation of that kind is registered.</exception>
    public void Register(ISuiteKindPresentation presentation)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        lock (_lock)
        {
            if (Find(presentation.Kind) is { } existing)
            {
                if (!ReferenceEquals(existing, presentation))
                {
                    throw new InvalidOperationException($"suite kind '{presentation.Kind}' already has a presentation ({existing.GetType().Name})");
                }

                return;
            }

            _all = [.. _all, presentation];
        }
    }

    /// <summary>The presentation of <paramref name="kind"/>, or null.</summary>
    /// <param name="kind">The kind.</param>
    public ISuiteKindPresentation? Find(SuiteKind kind) => Array.Find(_all, p => p.Kind == kind);

    /// <summary>The presentation of <paramref name="kind"/>, or a plain one for a kind not registered here.</summary>
    /// <param name="kind">The kind.</param>
    public ISuiteKindPresentation Get(SuiteKind kind) => Find(kind) ?? new PlainPresentation(kind);
}
