namespace DistrictMap.Api.Import.Features;

/// <summary>Opens GeoJSON, ESRI Shapefile (file, folder or .zip) and GeoPackage files by their name.</summary>
public static class FeatureFileReader
{
    public static FeatureSet Read(string path, string? layer = null)
    {
        var fileName = Path.GetFileName(path.TrimEnd('/'));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new ImportException(fileName, null, $"file not found ({path})");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".geojson" or ".json" => GeoJsonReader.Read(path, fileName),
            ".gpkg" => GeoPackageReader.Read(path, fileName, layer),
            ".shp" or ".zip" => ShapefileReader.Read(path, fileName, layer),
            _ when Directory.Exists(path) => ShapefileReader.Read(path, fileName, layer),
            _ => throw new ImportException(fileName, null, "unknown format: give a .geojson, .json, .shp, .zip (shapefile) or .gpkg file, or a folder holding a shapefile"),
        };
    }
}
