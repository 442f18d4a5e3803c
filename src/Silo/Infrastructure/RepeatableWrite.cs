namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Endpoint metadata: a write that is safe to run again after a silo failure, because running it twice leaves what
/// running it once does (publishing a published version answers the version; an alias set twice names one version;
/// an evaluation submitted twice is deduplicated). <paramref name="when"/> narrows it to the calls where that holds.
/// </summary>
/// <param name="when">Whether this call's arguments make it repeatable; null means always.</param>
public sealed class RepeatableWrite(Func<EndpointFilterInvocationContext, bool>? when = null)
{
    public bool Applies(EndpointFilterInvocationContext context) => when?.Invoke(context) ?? true;
}
