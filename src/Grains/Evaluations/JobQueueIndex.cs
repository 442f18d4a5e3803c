namespace ModelGrid.Grains.Evaluations;

/// <summary>
/// A queue partition's in-memory index: ids to offer, oldest first, and ids leased out with the lease expiry last
/// seen (<see cref="DateTimeOffset.MinValue"/> when unknown, e.g. after a rebuild, so the next sweep asks).
/// Every operation is O(1).
/// </summary>
internal sealed class JobQueueIndex
{
    private readonly LinkedList<Guid> _queued = new();
    private readonly Dictionary<Guid, LinkedListNode<Guid>> _queuedNodes = [];
    private readonly Dictionary<Guid, DateTimeOffset> _inFlight = [];

    public int QueuedCount => _queued.Count;

    public int InFlightCount => _inFlight.Count;

    public int Count => _queued.Count + _inFlight.Count;

    public Guid? First => _queued.First?.Value;

    public IEnumerable<Guid> Queued => _queued;

    public IEnumerable<Guid> InFlight => _inFlight.Keys;

    /// <summary>Offers the id (last in line); false when it is offered already.</summary>
    public bool Enqueue(Guid id)
    {
        if (_queuedNodes.ContainsKey(id))
        {
            return false;
        }

        _inFlight.Remove(id);
        _queuedNodes[id] = _queued.AddLast(id);
        return true;
    }

    /// <summary>Watches the id as leased out until <paramref name="expiresAt"/>; false when it was watched already.</summary>
    public bool Watch(Guid id, DateTimeOffset expiresAt)
    {
        RemoveQueued(id);
        var added = !_inFlight.ContainsKey(id);
        _inFlight[id] = expiresAt;
        return added;
    }

    /// <summary>Forgets the id; false when it was not indexed.</summary>
    public bool Remove(Guid id) => RemoveQueued(id) | _inFlight.Remove(id);

    /// <summary>Puts an offered id last in line.</summary>
    public void MoveToBack(Guid id)
    {
        if (_queuedNodes.TryGetValue(id, out var node))
        {
            _queued.Remove(node);
            _queued.AddLast(node);
        }
    }

    /// <summary>The leased-out ids whose last seen expiry is not after <paramref name="now"/>.</summary>
    public List<Guid> Due(DateTimeOffset now) => [.. _inFlight.Where(e => e.Value <= now).Select(e => e.Key)];

    /// <summary>Applies one change-log record.</summary>
    public void Apply(QueueChange change, Guid id)
    {
        switch (change)
        {
            case QueueChange.Enqueued:
                Enqueue(id);
                break;
            case QueueChange.Leased:
                Watch(id, DateTimeOffset.MinValue);
                break;
            case QueueChange.Removed:
                Remove(id);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "unknown queue change");
        }
    }

    private bool RemoveQueued(Guid id)
    {
        if (!_queuedNodes.Remove(id, out var node))
        {
            return false;
        }

        _queued.Remove(node);
        return true;
    }
}
