using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using ModelGrid.Silo.Web.Compare;
using ModelGrid.Silo.Web.Leaderboards;
using ModelGrid.Storage.Blobs;

namespace ModelGrid.Silo.Web;

/// <summary>The browser pages: server-rendered Razor components (no script), their forms, stylesheet and session.</summary>
public static class WebExtensions
{
    /// <summary>Registers the components' renderer, antiforgery and the session.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddGridWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "grid_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.FormFieldName = "__antiforgery";
        });
        services.AddGridKeyRing();
        services.AddSingleton<WebSession>();
        return services;
    }

    /// <summary>
    /// One key ring for the sessions and forms of every API silo, kept in the hub's blob store
    /// (<see cref="BlobKeyRepository"/>): a session or a form started on one silo is honoured by the others and after a
    /// restart.
    /// </summary>
    /// <param name="services">The services; an <see cref="IBlobStore"/> is registered by the storage.</param>
    public static IServiceCollection AddGridKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("ModelGrid");
        services.AddOptions<KeyManagementOptions>().Configure<IBlobStore>((keys, store) => keys.XmlRepository = new BlobKeyRepository(store));
        return services;
    }

    /// <summary>The session's caller on the pages, then the antiforgery checks of their forms.</summary>
    /// <param name="app">The app.</param>
    public static WebApplication UseGridWeb(this WebApplication app)
    {
        app.UseMiddleware<WebSessionMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the pages (GET only: every form posts to an endpoint of <see cref="WebForms"/>), the forms and the stylesheet.</summary>
    /// <param name="app">The app.</param>
    public static WebApplication MapGridWeb(this WebApplication app)
    {
        app.MapRazorComponents<App>()
            .ExcludeFromDescription()
            .Add(endpoint =>
            {
                endpoint.Metadata.Add(WebPage.Instance);

                // Pages are read; what changes state goes through a form endpoint that checks its token first.
                foreach (var methods in endpoint.Metadata.OfType<IHttpMethodMetadata>().ToList())
                {
                    endpoint.Metadata.Remove(methods);
                }

                endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get]));
            });
        app.MapWebForms();
        app.MapWebAssets();
        app.MapComparePage();
        app.MapLeaderboardPage();
        return app;
    }
}
