using DistrictMap.Api.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictMap.Api.Infrastructure.Database.Configurations;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Geometry).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(d => d.Geometry).HasMethod("gist");
        builder.HasOne(d => d.Dataset).WithMany().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WardConfiguration : IEntityTypeConfiguration<Ward>
{
    public void Configure(EntityTypeBuilder<Ward> builder)
    {
        builder.HasKey(w => w.Code);
        builder.Property(w => w.Geometry).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(w => w.Geometry).HasMethod("gist");
        builder.HasIndex(w => w.DistrictCode);
        builder.HasOne(w => w.District).WithMany().HasForeignKey(w => w.DistrictCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.Dataset).WithMany().HasForeignKey(w => w.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LsoaConfiguration : IEntityTypeConfiguration<Lsoa>
{
    public void Configure(EntityTypeBuilder<Lsoa> builder)
    {
        builder.HasKey(l => new { l.Code, l.Vintage });
        builder.Property(l => l.Geometry).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(l => l.Geometry).HasMethod("gist");
        builder.HasIndex(l => l.DistrictCode);
        // Every LSOA read keeps the latest vintage, max(vintage): an index answers it without reading every LSOA.
        builder.HasIndex(l => l.Vintage);
        builder.ToTable(t => t.HasCheckConstraint("ck_lsoas_vintage", "vintage IN (2011, 2021)"));
        builder.HasOne(l => l.Dataset).WithMany().HasForeignKey(l => l.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LsoaWardLookupConfiguration : IEntityTypeConfiguration<LsoaWardLookupEntry>
{
    public void Configure(EntityTypeBuilder<LsoaWardLookupEntry> builder)
    {
        builder.ToTable("lsoa_ward_lookup");
        builder.HasKey(e => new { e.LsoaCode, e.LsoaVintage });
        builder.HasIndex(e => e.WardCode);
        builder.HasOne(e => e.Dataset).WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LsoaWardAssignmentConfiguration : IEntityTypeConfiguration<LsoaWardAssignment>
{
    public void Configure(EntityTypeBuilder<LsoaWardAssignment> builder)
    {
        builder.HasKey(a => new { a.LsoaCode, a.LsoaVintage });
        builder.HasIndex(a => a.WardCode);
        builder.HasOne(a => a.Ward).WithMany().HasForeignKey(a => a.WardCode).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_lsoa_ward_assignments_method",
            $"method IN ('{AssignmentMethods.BestFit}', '{AssignmentMethods.AreaOverlap}')"));
    }
}
