namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Where the API listens when nothing says otherwise: <c>http://127.0.0.1:5180</c>, the address the README, DESIGN.md §7
/// and the CLI's default name (Kestrel's own default would be <c>http://localhost:5000</c>).
/// </summary>
/// <remarks>
/// The default is applied in code and only when no source configures an address, because every source must still win.
/// It cannot live in appsettings.json: the host reads <c>ASPNETCORE_URLS</c> and <c>DOTNET_URLS</c> before that file,
/// so an <c>Urls</c> there would override them. Nor in a <c>launchSettings.json</c>, which <c>dotnet run</c> applies
/// over <c>ASPNETCORE_URLS</c>.
/// </remarks>
public static class ListenAddress
{
    /// <summary>The address used when none is configured.</summary>
    public const string Default = "http://127.0.0.1:5180";

    /// <summary>
    /// Whether any source names the addresses: <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>, <c>URLS</c>,
    /// <c>--urls</c>), <c>http_ports</c>/<c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>, …) or Kestrel endpoints.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
    }

    /// <summary>Listens on <see cref="Default"/> unless <see cref="IsConfigured"/>.</summary>
    public static WebApplicationBuilder UseDefaultListenAddress(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }
}
