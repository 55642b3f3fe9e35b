using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

/// <summary>Import errors say what is wrong with the file in plain words, never the parser's own message.</summary>
public sealed class PlainImportErrorTests : DatabaseTest
{
    /// <summary>Words of .NET parser messages that mean nothing to the person who edits the file.</summary>
    private static readonly string[] ParserWords = ["LineNumber", "BytePositionInLine", "Path: $", "token", "JSON payload", "Malformed CSV in record", "unquoted field", "StartArray"];

    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-plain-errors-").FullName;

    public override async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await base.DisposeAsync();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertPlain(ImportException error, string expected)
    {
        Assert.Contains(expected, error.Reason, StringComparison.Ordinal);
        Assert.All(ParserWords, word => Assert.DoesNotContain(word, error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"type\": \"FeatureCollection\", \"features\": [", "the file ends before every object and array is closed")]
    [InlineData("{\"type\": \"FeatureCollection\", \"features\": [nope]}", "a value is not JSON")]
    [InlineData("{\"type\": \"FeatureCollection\", \"features\": [],}", "a comma follows the last item")]
    [InlineData("", "the file is empty")]
    public async Task A_GeoJSON_file_that_is_not_JSON_is_refused_in_plain_words(string text, string expected)
    {
        var path = Write("wards.geojson", text);

        var error = await Assert.ThrowsAsync<ImportException>(() =>
            Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = path }, TestDatabase.NoProgress));

        AssertPlain(error, expected);
    }

    [Fact]
    public async Task A_geometry_that_is_not_GeoJSON_is_refused_in_plain_words()
    {
        var path = Write("wards.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"WD23CD":"E05999901","WD23NM":"A","LAD23CD":"E07999999"},
             "geometry":{"type":"Polygon","coordinates":"not coordinates"}}]}
            """);

        var error = await Assert.ThrowsAsync<ImportException>(() =>
            Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = path }, TestDatabase.NoProgress));

        AssertPlain(error, "coordinates as arrays of numbers");
    }

    [Theory]
    [InlineData("LSOA11CD,WD19CD\nE01999901,\"E05999901\n", "a quoted value is never closed")]
    [InlineData("LSOA11CD,WD19CD\nE01999901,E059\"99901\n", "a quote mark stands inside a value")]
    [InlineData("LSOA11CD,WD19CD\nE01999901,\"E05999901\"x\n", "text follows the closing quote mark")]
    public async Task A_CSV_file_with_bad_quotes_is_refused_in_plain_words(string text, string expected)
    {
        var path = Write("lookup.csv", text);

        var error = await Assert.ThrowsAsync<ImportException>(() =>
            Db.Lookup.ImportAsync(new LookupImportOptions { Path = path }, TestDatabase.NoProgress));

        AssertPlain(error, expected);
        Assert.Equal("row 1", error.Location);
    }
}
