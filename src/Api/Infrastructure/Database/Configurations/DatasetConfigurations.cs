using DistrictMap.Api.Datasets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictMap.Api.Infrastructure.Database.Configurations;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class DataStateConfiguration : IEntityTypeConfiguration<DataState>
{
    public void Configure(EntityTypeBuilder<DataState> builder)
    {
        builder.ToTable("data_state", t => t.HasCheckConstraint("ck_data_state_single_row", "id = 1"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new DataState { Id = 1, Version = 0, ChangedAt = DateTimeOffset.UnixEpoch });
    }
}
