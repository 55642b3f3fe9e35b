using DistrictMap.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace DistrictMap.Tests.Api;

/// <summary>The OpenAPI document, read back with Microsoft.OpenApi's reader.</summary>
public sealed class OpenApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(OpenApiDocument Document, IList<OpenApiError> Errors)> ReadAsync()
    {
        await using var stream = await api.Client.GetStreamAsync("/openapi/v1.json");
        var result = await OpenApiDocument.LoadAsync(stream, "json");
        return (result.Document!, result.Diagnostic!.Errors);
    }

    [Fact]
    public async Task The_document_reads_back_without_errors_as_OpenAPI_3_0()
    {
        var (document, errors) = await ReadAsync();

        Assert.Empty(errors);
        Assert.NotNull(document);
        Assert.Equal("DistrictMap API", document.Info.Title);
        var validation = document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet());
        Assert.Empty(validation ?? []);
    }

    [Fact]
    public async Task Every_operation_is_documented_with_parameters_schemas_examples_and_problems()
    {
        var (document, _) = await ReadAsync();

        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Operation: o.Value))).ToList();
        Assert.True(operations.Count >= 28, $"{operations.Count} operations");
        Assert.All(operations, o =>
        {
            var (path, operation) = o;
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{path}: summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.Description), $"{path}: description");
            Assert.All(operation.Parameters ?? [], p => Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{path}: parameter {p.Name}"));
            var (status, ok) = operation.Responses!.First(r => r.Key.StartsWith('2'));
            if (status != "204")
            {
                Assert.NotEmpty(ok.Content!);
                Assert.All(ok.Content!, c => Assert.NotNull(c.Value.Schema));
                Assert.Contains(ok.Content!.Values, c => c.Example is not null);
            }

            Assert.Equal("application/problem+json", Assert.Single(operation.Responses!["400"].Content!).Key);
        });
    }

    [Fact]
    public async Task Features_are_described_by_the_GeoJSON_schemas()
    {
        var (document, _) = await ReadAsync();

        var items = document.Paths["/ogc/collections/{collectionId}/items"].Operations![HttpMethod.Get];
        var schema = items.Responses!["200"].Content!["application/geo+json"].Schema;
        Assert.Equal("GeoJSONFeatureCollection", ((OpenApiSchemaReference)schema!).Reference.Id);
        Assert.Contains("GeoJSONGeometry", document.Components!.Schemas!.Keys);
        Assert.Contains("GeoJSONFeature", document.Components.Schemas.Keys);
        Assert.Contains(items.Parameters!, p => p.Name == "bbox");
        Assert.Contains(items.Parameters!, p => p.Name == "limit" && p.Schema!.Maximum == "1000" && p.Description!.Contains("1000", StringComparison.Ordinal));
    }
}

public sealed class OpenApiWriteDocumentationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Writes_declare_the_API_key_and_their_precondition_and_access_problems()
    {
        await using var stream = await api.Client.GetStreamAsync("/openapi/v1.json");
        var document = (await OpenApiDocument.LoadAsync(stream, "json")).Document!;

        var replace = document.Paths["/api/actions/{id}"].Operations![HttpMethod.Put];
        Assert.Equal(["200", "400", "401", "403", "404", "412", "428", "429", "503"], replace.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(replace.Parameters!, p => p.Name == "If-Match" && p.In == ParameterLocation.Header && p.Required);
        Assert.Single(replace.Security!);
        Assert.Contains("ApiKey", document.Components!.SecuritySchemes!.Keys);
        Assert.NotNull(replace.RequestBody!.Content!["application/json"].Schema);
    }
}
