using DistrictMap.Api.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace DistrictMap.Api.Datasets;

/// <summary>A dataset's provenance as the API shows it.</summary>
public sealed record DatasetSource(
    string Key,
    string Kind,
    string Title,
    string Source,
    string Licence,
    string? LicenceUrl,
    string Attribution,
    string? Vintage,
    DateTimeOffset ImportedAt,
    int Rows);

/// <summary>Reads the provenance of the loaded datasets.</summary>
public sealed class ProvenanceStore([FromKeyedServices(ReadOnlyDatabase.Key)] DistrictMapDbContext db)
{
    public async Task<IReadOnlyList<DatasetSource>> ForKindsAsync(IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        var query = db.Datasets.AsNoTracking();
        if (kinds is not null)
        {
            query = query.Where(d => kinds.Contains(d.Kind));
        }

        return await ListAsync(query, cancellationToken);
    }

    /// <summary>The datasets of one district: each key ends with the district it was imported for, or all.</summary>
    public async Task<IReadOnlyList<DatasetSource>> ForDistrictAsync(string district, CancellationToken cancellationToken) =>
        await ListAsync(db.Datasets.AsNoTracking().Where(d => d.Key.EndsWith(":" + district) || d.Key.EndsWith(":all")), cancellationToken);

    private static async Task<IReadOnlyList<DatasetSource>> ListAsync(IQueryable<Dataset> query, CancellationToken cancellationToken) =>
        await query
            .OrderBy(d => d.Key)
            .Select(d => new DatasetSource(d.Key, d.Kind, d.Title, d.Source, d.Licence, d.LicenceUrl, d.Attribution, d.Vintage, d.ImportedAt, d.Rows))
            .ToListAsync(cancellationToken);
}
