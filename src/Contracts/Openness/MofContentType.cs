namespace ModelGrid.Openness;

/// <summary>What a component is made of, which decides the release-wide licence it inherits and the licences that suit it.</summary>
public enum MofContentType
{
    /// <summary>Source code.</summary>
    Code,

    /// <summary>Data; model parameters count as data.</summary>
    Data,

    /// <summary>Documentation: cards, reports, papers, results.</summary>
    Document,
}
