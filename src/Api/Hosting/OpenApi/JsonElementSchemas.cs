using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>
/// Raw JSON members are GeoJSON geometries (see <see cref="OpenApiSetup"/>), except one named Properties, which holds a
/// layer's own properties: an object.
/// </summary>
internal sealed class JsonElementSchemas : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties })
        {
            return;
        }

        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            if (!properties.ContainsKey(name))
            {
                continue;
            }

            if (member.PropertyType == typeof(JsonElement) && member.Name == "Properties")
            {
                properties[name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The layer's own properties (see the layer's collection at /ogc/collections/{id}/queryables).",
                    AdditionalPropertiesAllowed = true,
                };
            }
        }
    }
}
