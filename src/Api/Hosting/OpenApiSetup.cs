namespace DistrictMap.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json and Swagger UI at /docs.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddDistrictMapOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new()
            {
                Title = "DistrictMap API",
                Version = DocumentName,
                Description = "Electoral wards, LSOAs and the English Indices of Deprivation for a local authority district. "
                    + "Contains public sector information licensed under the Open Government Licence v3.0.",
            });
        });
        return services;
    }

    public static WebApplication MapDistrictMapOpenApi(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.SwaggerEndpoint($"/openapi/{DocumentName}.json", "DistrictMap API");
            options.DocumentTitle = "DistrictMap API";
        });
        return app;
    }
}
