namespace ModelGrid.Evaluation.Language;

/// <summary>One layer's cache tensors: the past it reads and the present it writes, key and value.</summary>
public sealed record KvLayer(string PastKey, string PastValue, string PresentKey, string PresentValue);
