namespace ModelGrid.Grains.Evaluations;

/// <summary>One record of a queue partition's change log; the value is the record's first byte.</summary>
internal enum QueueChange
{
    /// <summary>The id is offered.</summary>
    Enqueued = 'E',

    /// <summary>The id is leased out and watched for expiry.</summary>
    Leased = 'L',

    /// <summary>The id is forgotten (finished, or stale).</summary>
    Removed = 'D',
}
