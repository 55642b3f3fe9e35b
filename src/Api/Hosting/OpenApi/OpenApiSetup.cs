using DistrictMap.Api.Import;
using System.Text.Json;
using Microsoft.OpenApi;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>The OpenAPI 3.0 document at /openapi/v1.json and Swagger UI at /docs.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddDistrictMapOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "DistrictMap API",
                Version = DocumentName,
                Description = "Districts, electoral wards, LSOAs and the English Indices of Deprivation: a REST API under /api and "
                    + "OGC API - Features under /ogc. Ward-level deprivation is derived from LSOAs and is not an official statistic "
                    + "(method: /api/methods/ward-deprivation). " + string.Join(" ", Attribution.Boundaries)
                    + " Places from OpenStreetMap: " + Attribution.OpenStreetMap,
                Contact = new OpenApiContact { Name = "The operator of this DistrictMap service" },
                License = new OpenApiLicense
                {
                    Name = "Data: Open Government Licence v3.0",
                    Url = new Uri(Attribution.OglLicenceUrl),
                },
            });
            options.MapType<JsonElement>(() => new OpenApiSchemaReference(GeoJsonSchemas.Geometry));
            options.AddSecurityDefinition(ApiDocumentation.ApiKeySecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key issued by an admin with 'districtmap keys issue', sent as 'Authorization: Bearer KEY' (or 'X-Api-Key: KEY'). Writes only: reads are public.",
            });
            options.DocumentFilter<GeoJsonSchemas>();
            options.OperationFilter<ApiDocumentation>();
            options.SchemaFilter<JsonElementSchemas>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static WebApplication MapDistrictMapOpenApi(this WebApplication app)
    {
        app.UseOpenApiDocumentResponse();
        app.UseSwagger(options =>
        {
            options.RouteTemplate = "openapi/{documentName}.json";
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            // The server is the origin the document was asked from: the same document serves any deployment.
            options.PreSerializeFilters.Add((document, request) =>
                document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}", Description = "This service" }]);
        });
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint($"/openapi/{DocumentName}.json", "DistrictMap API");
            options.DocumentTitle = "DistrictMap API";
        });
        return app;
    }
}
