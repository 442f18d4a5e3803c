namespace ModelGrid.Evaluation.Suites;

/// <summary>The comparison of a row filter.</summary>
public enum FilterOperator
{
    /// <summary>The value equals one of the given values (compared as text).</summary>
    In,

    /// <summary>The value equals none of the given values (compared as text).</summary>
    NotIn,

    /// <summary>Numerically less than.</summary>
    LessThan,

    /// <summary>Numerically at most.</summary>
    AtMost,

    /// <summary>Numerically greater than.</summary>
    GreaterThan,

    /// <summary>Numerically at least.</summary>
    AtLeast,

    /// <summary>The absolute value is at most the given number.</summary>
    AbsoluteAtMost,
}
