using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace ModelGrid.Storage.GrainStorage;

/// <summary>Registers <see cref="FileGrainStorage"/> the way Orleans' providers register (<c>AddAzureBlobGrainStorage</c>).</summary>
public static class FileGrainStorageExtensions
{
    /// <summary>Adds a named file grain storage provider to the silo.</summary>
    /// <param name="builder">The silo.</param>
    /// <param name="name">The provider's name.</param>
    /// <param name="configure">Sets the options.</param>
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder builder, string name, Action<FileGrainStorageOptions> configure) =>
        builder.ConfigureServices(services => services.AddFileGrainStorage(name, options => options.Configure(configure)));

    /// <summary>Adds a named file grain storage provider to the services of a silo.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The provider's name.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddFileGrainStorage(this IServiceCollection services, string name, Action<OptionsBuilder<FileGrainStorageOptions>> configure)
    {
        configure(services.AddOptions<FileGrainStorageOptions>(name));
        services.AddTransient<IPostConfigureOptions<FileGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<FileGrainStorageOptions>>();
        return services.AddGrainStorage(name, static (provider, providerName) =>
            ActivatorUtilities.CreateInstance<FileGrainStorage>(
                provider,
                providerName,
                provider.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(providerName)));
    }
}
