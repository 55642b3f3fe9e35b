using DistrictMap.Api.Places;
using DistrictMap.Api.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictMap.Api.Infrastructure.Database.Configurations;

internal sealed class PostcodeConfiguration : IEntityTypeConfiguration<Postcode>
{
    public void Configure(EntityTypeBuilder<Postcode> builder)
    {
        builder.HasKey(p => p.Code);
        builder.HasIndex(p => p.Compact).IsUnique().HasOperators("text_pattern_ops");
        builder.HasIndex(p => p.DistrictCode);
        builder.Property(p => p.Geometry).HasColumnName("geom").HasColumnType("geometry(Point,4326)");
        builder.HasIndex(p => p.Geometry).HasMethod("gist");
        builder.HasOne(p => p.Dataset).WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlaceNameConfiguration : IEntityTypeConfiguration<PlaceName>
{
    public void Configure(EntityTypeBuilder<PlaceName> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.DatasetId, p.SourceId }).IsUnique();
        builder.HasIndex(p => p.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(p => p.DistrictCode);
        builder.Property(p => p.Geometry).HasColumnName("geom").HasColumnType("geometry(Point,4326)");
        builder.HasIndex(p => p.Geometry).HasMethod("gist");
        builder.HasOne(p => p.Dataset).WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GreenSpaceSourceConfiguration : IEntityTypeConfiguration<GreenSpaceSource>
{
    public void Configure(EntityTypeBuilder<GreenSpaceSource> builder)
    {
        builder.HasKey(s => new { s.DatasetId, s.SourceId });
        builder.HasIndex(s => s.GreenSpaceId);
        builder.HasOne(s => s.Dataset).WithMany().HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.GreenSpace).WithMany().HasForeignKey(s => s.GreenSpaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
