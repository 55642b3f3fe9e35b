using System.IO.Compression;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Locate;
using DistrictMap.Api.Lsoas;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Wards;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Places;
using DistrictMap.Api.Tiles;
using Microsoft.AspNetCore.ResponseCompression;

namespace DistrictMap.Api.Hosting;

/// <summary>The services behind the public data API: collections, caching, compression and CORS.</summary>
internal static class ApiServices
{
    public const string ReadCorsPolicy = "public-read";

    public static IServiceCollection AddDistrictMapApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeatureOptions>().Bind(configuration.GetSection(FeatureOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CachingOptions>().Bind(configuration.GetSection(CachingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddDistrictMapCollections();
        services.AddSingleton<FeatureCollectionRegistry>();
        services.AddSingleton<FeatureStore>();
        services.AddOptions<TileOptions>().Bind(configuration.GetSection(TileOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TileStore>();
        services.AddDistrictMapSharedTiles(configuration);
        services.AddScoped<ProvenanceStore>();
        services.AddSingleton<ReleaseResolver>();
        services.AddSingleton<WardQueries>();
        services.AddSingleton<LsoaQueries>();
        services.AddSingleton<WardsOfDistrict>();
        services.AddDistrictMapPlan(configuration);
        services.AddSingleton<LocateQueries>();
        services.AddSingleton<NearbyQueries>();
        services.AddSingleton<Search.SearchQueries>();
        services.AddSingleton<WardPlacesQueries>();
        services.AddSingleton<DataVersionSource>();
        services.AddHostedService(sp => sp.GetRequiredService<DataVersionSource>());

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
            [
                ResponseFormats.GeoJsonMediaType, ResponseFormats.CsvMediaType, "application/ld+json",
                "application/problem+json", "application/schema+json", "application/vnd.oai.openapi+json",
                TileEndpoints.MediaType,
            ]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        // Reads are open to every origin; nothing here accepts writes from a browser yet.
        services.AddCors(options => options.AddPolicy(ReadCorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Options)
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Link")));
        return services;
    }
}
