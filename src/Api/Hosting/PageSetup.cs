namespace DistrictMap.Api.Hosting;

/// <summary>
/// Server-rendered pages for people (sign-in, partners and monitoring) are Razor Pages under src/Api/Pages, one
/// folder per area, sharing Pages/Shared/_Layout.cshtml and css/pages.css. Forms carry antiforgery tokens by default.
/// </summary>
internal static class PageSetup
{
    public static IServiceCollection AddDistrictMapPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        return services;
    }

    public static WebApplication MapDistrictMapPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
