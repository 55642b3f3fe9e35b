using DistrictMap.Api.Deprivation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictMap.Api.Infrastructure.Database.Configurations;

internal sealed class IodReleaseConfiguration : IEntityTypeConfiguration<IodRelease>
{
    public void Configure(EntityTypeBuilder<IodRelease> builder)
    {
        builder.HasKey(r => r.Code);
        builder.HasData(
            new IodRelease
            {
                Code = "IoD2019",
                Title = "English Indices of Deprivation 2019",
                LsoaVintage = 2011,
                LsoaCount = 32844,
                Published = new DateOnly(2019, 9, 26),
            },
            new IodRelease
            {
                Code = "IoD2025",
                Title = "English Indices of Deprivation 2025",
                LsoaVintage = 2021,
                LsoaCount = 33755,
                Published = new DateOnly(2025, 10, 30),
            });
    }
}

internal sealed class DeprivationScoreConfiguration : IEntityTypeConfiguration<DeprivationScore>
{
    public void Configure(EntityTypeBuilder<DeprivationScore> builder)
    {
        builder.HasKey(s => new { s.Release, s.LsoaCode, s.Domain });
        builder.HasOne<IodRelease>().WithMany().HasForeignKey(s => s.Release).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Dataset).WithMany().HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.LsoaCode);
        var domains = string.Join(", ", DeprivationDomains.All.Select(d => $"'{d}'"));
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_deprivation_scores_domain", $"domain IN ({domains})");
            t.HasCheckConstraint("ck_deprivation_scores_decile", "decile BETWEEN 1 AND 10");
            t.HasCheckConstraint("ck_deprivation_scores_rank", "rank >= 1");
        });
    }
}

internal sealed class LsoaPopulationConfiguration : IEntityTypeConfiguration<LsoaPopulation>
{
    public void Configure(EntityTypeBuilder<LsoaPopulation> builder)
    {
        builder.HasKey(p => new { p.Release, p.LsoaCode });
        builder.Property(p => p.Children0To15).HasColumnName("children_0_15");
        builder.Property(p => p.Aged16To59).HasColumnName("aged_16_59");
        builder.Property(p => p.Aged60AndOver).HasColumnName("aged_60_and_over");
        builder.HasOne<IodRelease>().WithMany().HasForeignKey(p => p.Release).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Dataset).WithMany().HasForeignKey(p => p.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WardDeprivationConfiguration : IEntityTypeConfiguration<WardDeprivation>
{
    public void Configure(EntityTypeBuilder<WardDeprivation> builder)
    {
        // A materialized view created by hand in the migrations (see WardDeprivationView).
        builder.HasNoKey().ToView("ward_deprivation");
        builder.Property(w => w.LsoasInMostDeprived10).HasColumnName("lsoas_in_most_deprived_10");
        builder.Property(w => w.LsoasInMostDeprived20).HasColumnName("lsoas_in_most_deprived_20");
        builder.Property(w => w.LsoasInMostDeprived30).HasColumnName("lsoas_in_most_deprived_30");
        builder.Property(w => w.PopulationShareInMostDeprived10).HasColumnName("population_share_in_most_deprived_10");
        builder.Property(w => w.PopulationShareInMostDeprived20).HasColumnName("population_share_in_most_deprived_20");
        builder.Property(w => w.PopulationShareInMostDeprived30).HasColumnName("population_share_in_most_deprived_30");
    }
}
