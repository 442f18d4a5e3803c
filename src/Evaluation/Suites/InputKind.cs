namespace ModelGrid.Evaluation.Suites;

/// <summary>How a dataset column becomes a model input.</summary>
public enum InputKind
{
    /// <summary>A number (<c>kind: float</c>), as float32; a missing value is an error unless the input states a value for it.</summary>
    Number,

    /// <summary>The text as it is (<c>kind: string</c>, a category); a missing value is passed as the input's missing text.</summary>
    Text,

    /// <summary>The whole IDX item (an image), reshaped to the model input's shape.</summary>
    Item,
}
