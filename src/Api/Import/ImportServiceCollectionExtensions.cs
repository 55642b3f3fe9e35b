using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Api.Places.Import;

namespace DistrictMap.Api.Import;

public static class ImportServiceCollectionExtensions
{
    public const string DataDirectoryVariable = "DISTRICTMAP_DATA_DIR";

    public static IServiceCollection AddDistrictMapImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>()
            .Bind(configuration.GetSection(DataOptions.Section))
            .PostConfigure(o => o.Directory ??= Environment.GetEnvironmentVariable(DataDirectoryVariable));
        services.AddOptions<OverpassOptions>().Bind(configuration.GetSection(OverpassOptions.Section));
        services.AddSingleton<BoundaryImporter>();
        services.AddSingleton<LookupImporter>();
        services.AddSingleton<IodImporter>();
        services.AddSingleton<DatasetImport>();
        services.AddSingleton<DistrictLoader>();
        services.AddPlacesImport();
        services.AddHttpClient<Collector>((sp, http) =>
        {
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataOptions>>().Value.DownloadTimeoutSeconds);
            http.DefaultRequestHeaders.UserAgent.ParseAdd("DistrictMap/1.0");
        });
        return services;
    }
}
