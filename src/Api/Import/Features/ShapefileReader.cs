using System.Globalization;
using System.IO.Compression;
using NetTopologySuite.IO.Esri;

namespace DistrictMap.Api.Import.Features;

/// <summary>Reads an ESRI Shapefile given as its .shp, as a folder holding one, or as a .zip of one.</summary>
internal static class ShapefileReader
{
    public static FeatureSet Read(string path, string fileName, string? layer)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Directory.CreateTempSubdirectory("districtmap-shp-");
            try
            {
                try
                {
                    ZipFile.ExtractToDirectory(path, folder.FullName);
                }
                catch (InvalidDataException e)
                {
                    throw new ImportException(fileName, null, $"not a readable zip archive ({e.Message})");
                }

                // A zipped GeoPackage (such as OS Open Greenspace's download) is read as the GeoPackage it holds.
                var packages = Directory.GetFiles(folder.FullName, "*.gpkg", SearchOption.AllDirectories);
                if (packages.Length == 1 && Directory.GetFiles(folder.FullName, "*.shp", SearchOption.AllDirectories).Length == 0)
                {
                    return GeoPackageReader.Read(packages[0], fileName, layer);
                }

                return ReadShp(FindShp(folder.FullName, fileName, layer), fileName);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        return Directory.Exists(path)
            ? ReadShp(FindShp(path, fileName, layer), fileName)
            : ReadShp(path, fileName);
    }

    private static string FindShp(string folder, string fileName, string? layer)
    {
        var shps = Directory.GetFiles(folder, "*.shp", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(folder, "*.SHP", SearchOption.AllDirectories))
            .Distinct()
            .Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal))
            .ToList();
        if (layer is not null)
        {
            return shps.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), layer, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException(fileName, null, $"no shapefile called {layer} (found: {ListNames(shps)})");
        }

        return shps.Count switch
        {
            1 => shps[0],
            0 => throw new ImportException(fileName, null, "no .shp file found"),
            _ => throw new ImportException(fileName, null, $"several shapefiles ({ListNames(shps)}): choose one with --layer"),
        };
    }

    private static string ListNames(IEnumerable<string> shps) => string.Join(", ", shps.Select(Path.GetFileNameWithoutExtension));

    private static FeatureSet ReadShp(string shpPath, string fileName)
    {
        if (!File.Exists(Path.ChangeExtension(shpPath, ".dbf")))
        {
            throw new ImportException(fileName, null, $"{Path.GetFileName(shpPath)} has no .dbf attribute file beside it");
        }

        var features = new List<SourceFeature>();
        int? srid;
        List<string> fieldNames;
        var number = 0;
        try
        {
            using var reader = Shapefile.OpenRead(shpPath);
            srid = reader.Projection is { Length: > 0 } prj
                ? CrsNames.FromEsriWkt(prj) ?? throw new ImportException(fileName, null, "the .prj names a CRS that is not recognised; give the EPSG code with --srid")
                : null;
            fieldNames = reader.Fields.Select(f => f.Name).ToList();
            while (reader.Read(out var deleted))
            {
                number++;
                if (deleted)
                {
                    continue;
                }

                var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                foreach (var field in reader.Fields)
                {
                    properties[field.Name] = field.Value switch
                    {
                        null => null,
                        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                        var value => value.ToString(),
                    };
                }

                var geometry = reader.Geometry;
                features.Add(geometry is null || geometry.IsEmpty
                    ? new SourceFeature(number, properties, null, "the feature has no geometry")
                    : new SourceFeature(number, properties, geometry.Copy(), null));
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException or InvalidDataException or EndOfStreamException)
        {
            throw new ImportException(fileName, number > 0 ? $"feature {number + 1}" : null, $"cannot read the shapefile ({e.Message.Split('\n')[0]})");
        }

        return new FeatureSet(fileName, fieldNames, srid, features);
    }
}
