using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>
/// Wraps Orleans' Azure blob grain storage so a damaged record is a <see cref="DamagedStateException"/> naming it, as
/// on the embedded store. Orleans reads an empty blob as a cleared state (its convention when clearing keeps
/// records); ModelGrid deletes on clear, so an empty blob is damage. A deserialization error is explained from the
/// blob's bytes with the same words as <see cref="FileGrainStorage"/> uses.
/// </summary>
public sealed class DamageCheckingGrainStorage(IGrainStorage inner, GrainStateRecords records) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Wraps the provider registered as <paramref name="name"/>; call after registering it.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider's name.</param>
    public static void Decorate(IServiceCollection services, string name)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name) && d.KeyedImplementationFactory is not null)
            ?? throw new InvalidOperationException($"no grain storage named '{name}' is registered");
        var create = registered.KeyedImplementationFactory!;
        services.Remove(registered);

        // Orleans registers the provider's lifecycle participation by resolving this key, so the wrapper forwards it.
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) =>
            new DamageCheckingGrainStorage((IGrainStorage)create(sp, key), sp.GetRequiredService<GrainStateRecords>()));
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ReadStateAsync(stateName, grainId, grainState);
        }
        catch (Exception e) when (FindJsonError(e) is { } json)
        {
            throw await DamagedAsync<T>(stateName, grainId, json);
        }

        // A blob that exists (it has an ETag) yet reads as no state is empty or holds JSON null.
        if ((!grainState.RecordExists && !string.IsNullOrEmpty(grainState.ETag)) || (grainState.RecordExists && grainState.State is null))
        {
            throw await DamagedAsync<T>(stateName, grainId, null);
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }

    private static JsonException? FindJsonError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private async Task<DamagedStateException> DamagedAsync<T>(string stateName, GrainId grainId, JsonException? error)
    {
        var blob = records.BlobName(stateName, grainId);
        var content = await records.ReadContentAsync(blob);
        var problem = content switch
        {
            null => "could not be read and is gone now",
            [] => StateRecordCheck.Empty,
            _ when error is not null => StateRecordCheck.DescribeFailure(content, error, typeof(T)),
            _ => StateRecordCheck.FindProblem(content) is { } found && found != StateRecordCheck.NullProblem ? found : StateRecordCheck.NullState(typeof(T)),
        };
        return new DamagedStateException(records.DisplayName(blob), problem, grainId.Type.ToString()!, grainId.Key.ToString()!);
    }
}
