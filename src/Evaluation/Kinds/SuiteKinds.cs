using ModelGrid.Evaluation.Suites;

namespace ModelGrid.Evaluation.Kinds;

/// <summary>
/// The suite kinds an engine knows, each registered once with both its halves: <see cref="Register"/> adds the engine's
/// half here and its <see cref="ISuiteKind.Presentation"/> to <see cref="Presentations"/>, so the cards, reports and
/// terminal text of the same process show what it runs. <see cref="Default"/> holds the kinds the grid ships, listed in
/// the constructor, and fills <see cref="SuiteKindPresentations.Default"/>, which the grains and the client read; a
/// test builds its own instance and registers a kind of its own on it.
/// </summary>
public sealed class SuiteKinds
{
    private readonly Lock _lock = new();
    private volatile ISuiteKind[] _all = [];

    /// <summary>The kinds the grid ships, with a registry of their presentations of its own.</summary>
    public SuiteKinds()
        : this(new SuiteKindPresentations())
    {
    }

    /// <summary>The kinds the grid ships, their presentations registered in <paramref name="presentations"/>.</summary>
    /// <param name="presentations">Where each kind's presentation is registered.</param>
    public SuiteKinds(SuiteKindPresentations presentations)
    {
        ArgumentNullException.ThrowIfNull(presentations);
        Presentations = presentations;

        // The kinds the grid ships, in the order an unknown kind's error lists them. A new kind is one more line here.
        Register(ClassificationKind.Accuracy);
        Register(ClassificationKind.Bias);
        Register(ThroughputKind.Instance);
        Register(MultipleChoiceKind.Instance);
        Register(SentencePairsKind.Instance);
        Register(GenerationKind.Instance);
    }

    /// <summary>The process's registry: the shipped kinds, presented through <see cref="SuiteKindPresentations.Default"/>.</summary>
    public static SuiteKinds Default { get; } = new(SuiteKindPresentations.Default);

    /// <summary>The presentations of the kinds registered here.</summary>
    public SuiteKindPresentations Presentations { get; }

    /// <summary>Every registered kind, in registration order.</summary>
    public IReadOnlyList<ISuiteKind> All => _all;

    /// <summary>Registers <paramref name="kind"/> and its presentation; the same instance again does nothing.</summary>
    /// <param name="kind">The kind.</param>
    /// <exception cref="ArgumentException">The kind's name is not valid, or its presentation is of another kind.</exception>
    /// <exception cref="InvalidOperationException">Another kind of that name is registered.</exception>
    public void Register(ISuiteKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!SuiteKind.IsValidName(kind.Kind.Name))
        {
            throw new ArgumentException($"'{kind.Kind}' is not a suite kind's name: lowercase letters, digits and '-', starting with a letter", nameof(kind));
        }

        if (kind.Presentation.Kind != kind.Kind)
        {
            throw new ArgumentException($"suite kind '{kind.Kind}' names the presentation of '{kind.Presentation.Kind}'", nameof(kind));
        }

        lock (_lock)
        {
            if (Find(kind.Kind) is { } existing)
            {
                if (!ReferenceEquals(existing, kind))
                {
                    throw new InvalidOperationException($"suite kind '{kind.Kind}' is already registered ({existing.GetType().Name})");
                }

                return;
            }

            Presentations.Register(kind.Presentation);
            _all = [.. _all, kind];
        }
    }

    /// <summary>The kind of that name, or null.</summary>
    /// <param name="kind">The kind.</param>
    public ISuiteKind? Find(SuiteKind kind) => Array.Find(_all, k => k.Kind == kind);

    /// <summary>The kind of that name.</summary>
    /// <param name="kind">The kind.</param>
    /// <exception cref="SuiteFormatException">No kind of that name is registered.</exception>
    public ISuiteKind Get(SuiteKind kind) =>
        Find(kind) ?? throw new SuiteFormatException($"'{kind}' is not a suite kind here; the kinds are {string.Join(", ", Names)}");

    /// <summary>The registered kinds' names, in registration order.</summary>
    public IEnumerable<string> Names => _all.Select(k => k.Kind.Name);
}
