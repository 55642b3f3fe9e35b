using DistrictMap.Api.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictMap.Api.Infrastructure.Database.Configurations;

/// <summary>What every place table has: its key, its source identity per dataset, its geometry with a GiST index, and provenance.</summary>
internal static class PlaceTable
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string geometryType)
        where T : PlaceFeature
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.DatasetId, p.SourceId }).IsUnique();
        builder.HasIndex(p => p.DistrictCode);
        builder.Property("Geometry").HasColumnName("geom").HasColumnType($"geometry({geometryType},4326)");
        builder.HasIndex("Geometry").HasMethod("gist");
        builder.HasOne(p => p.Dataset).WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.District).WithMany().HasForeignKey(p => p.DistrictCode).OnDelete(DeleteBehavior.SetNull);
    }

    public static string OneOf(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => $"'{v}'"))})";
}

internal sealed class WalkingCyclingRouteConfiguration : IEntityTypeConfiguration<WalkingCyclingRoute>
{
    public void Configure(EntityTypeBuilder<WalkingCyclingRoute> builder)
    {
        PlaceTable.Configure(builder, "MultiLineString");
        builder.ToTable(t => t.HasCheckConstraint("ck_routes_kind", PlaceTable.OneOf("kind", PlaceVocabulary.RouteKinds)));
    }
}

internal sealed class GreenSpaceConfiguration : IEntityTypeConfiguration<GreenSpace>
{
    public void Configure(EntityTypeBuilder<GreenSpace> builder)
    {
        PlaceTable.Configure(builder, "MultiPolygon");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_green_spaces_type", PlaceTable.OneOf("type", PlaceVocabulary.GreenSpaceTypes));
            t.HasCheckConstraint("ck_green_spaces_access", PlaceTable.OneOf("access", PlaceVocabulary.Access));
        });
    }
}

internal sealed class TownCentreProjectConfiguration : IEntityTypeConfiguration<TownCentreProject>
{
    public void Configure(EntityTypeBuilder<TownCentreProject> builder)
    {
        PlaceTable.Configure(builder, "Geometry");
        builder.ToTable(t => t.HasCheckConstraint("ck_town_centre_projects_geom", "GeometryType(geom) IN ('POINT', 'MULTIPOLYGON')"));
    }
}

internal sealed class RecyclingSiteConfiguration : IEntityTypeConfiguration<RecyclingSite>
{
    public void Configure(EntityTypeBuilder<RecyclingSite> builder) => PlaceTable.Configure(builder, "Point");
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        PlaceTable.Configure(builder, "Point");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_activities_type", PlaceTable.OneOf("type", PlaceVocabulary.ActivityTypes));
            t.HasCheckConstraint("ck_activities_hours_needed", "hours_needed IS NULL OR hours_needed >= 0");
        });
    }
}
