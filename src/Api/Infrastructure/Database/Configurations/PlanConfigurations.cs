using DistrictMap.Api.Access;
using DistrictMap.Api.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictMap.Api.Infrastructure.Database.Configurations;

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.HasKey(p => p.Code);
        builder.ToTable(t => t.HasCheckConstraint("ck_priorities_code", PlanVocabulary.Check("code", PlanVocabulary.Priorities)));
        // The four priorities are the plan's; the descriptions are ours, drawn from what residents asked for,
        // and marked sample until a council loads its own.
        builder.HasData(
            new Priority
            {
                Code = "place",
                Title = "Place",
                SortOrder = 1,
                Sample = true,
                Description = "Places people want to spend time in: lively town centres with events and activities, family-friendly places to eat and meet, and good local services and transport links.",
            },
            new Priority
            {
                Code = "economy",
                Title = "Economy",
                SortOrder = 2,
                Sample = true,
                Description = "Town centres and local businesses that thrive as shopping changes, with services and work within reach.",
            },
            new Priority
            {
                Code = "people",
                Title = "People",
                SortOrder = 3,
                Sample = true,
                Description = "Community spirit and wellbeing: helping neighbours and getting involved in local activities, in ways that fit the time people have.",
            },
            new Priority
            {
                Code = "environment",
                Title = "Environment",
                SortOrder = 4,
                Sample = true,
                Description = "Easy access to the countryside, green spaces and nature reserves, well-linked walking and cycling routes, and more and clearer recycling.",
            });
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.HasIndex(p => p.Name).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_partners_sector", PlanVocabulary.Check("sector", PlanVocabulary.Sectors)));
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("actions", t =>
        {
            t.HasCheckConstraint("ck_actions_status", PlanVocabulary.Check("status", PlanVocabulary.Statuses));
            t.HasCheckConstraint("ck_actions_rag", PlanVocabulary.Check("rag", PlanVocabulary.Rags));
            t.HasCheckConstraint("ck_actions_dates", "start IS NULL OR due IS NULL OR start <= due");
        });
        builder.Property(a => a.Version).IsRowVersion();
        builder.Property(a => a.Location).HasColumnType("geometry(Geometry,4326)");
        builder.HasIndex(a => a.Location).HasMethod("gist");
        builder.HasIndex(a => new { a.DistrictCode, a.Reference }).IsUnique();
        builder.HasIndex(a => a.LeadPartnerId);
        builder.HasOne(a => a.District).WithMany().HasForeignKey(a => a.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Priority).WithMany().HasForeignKey(a => a.PriorityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LeadPartner).WithMany().HasForeignKey(a => a.LeadPartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Wards).WithOne().HasForeignKey(w => w.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Supporters).WithOne().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Indicators).WithOne().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionWardConfiguration : IEntityTypeConfiguration<ActionWard>
{
    public void Configure(EntityTypeBuilder<ActionWard> builder)
    {
        builder.ToTable("action_wards");
        builder.HasKey(w => new { w.ActionId, w.WardCode });
        builder.HasIndex(w => w.WardCode);
        builder.HasOne(w => w.Ward).WithMany().HasForeignKey(w => w.WardCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionSupporterConfiguration : IEntityTypeConfiguration<ActionSupporter>
{
    public void Configure(EntityTypeBuilder<ActionSupporter> builder)
    {
        builder.ToTable("action_supporters");
        builder.HasKey(s => new { s.ActionId, s.PartnerId });
        builder.HasOne(s => s.Partner).WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionIndicatorConfiguration : IEntityTypeConfiguration<ActionIndicator>
{
    public void Configure(EntityTypeBuilder<ActionIndicator> builder)
    {
        builder.ToTable("action_indicators");
        builder.HasKey(i => new { i.ActionId, i.IndicatorCode });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.HasIndex(u => new { u.ActionId, u.Quarter });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_action_updates_rag", PlanVocabulary.Check("rag", PlanVocabulary.Rags));
            t.HasCheckConstraint("ck_action_updates_quarter", "quarter ~ '^[0-9]{4}-Q[1-4]$'");
        });
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Code);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_indicators_polarity", PlanVocabulary.Check("polarity", PlanVocabulary.Polarities));
            t.HasCheckConstraint("ck_indicators_geography", PlanVocabulary.Check("geography", PlanVocabulary.Geographies));
        });
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.HasIndex(v => new { v.IndicatorCode, v.AreaCode, v.Period }).IsUnique();
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorCode).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_indicator_values_period", "period ~ '^[0-9]{4}(-Q[1-4])?$'"));
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsFixedLength();
        builder.HasOne(k => k.Partner).WithMany().HasForeignKey(k => k.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_api_keys_role", PlanVocabulary.Check("role", [Roles.Admin, Roles.Partner]));
            t.HasCheckConstraint("ck_api_keys_partner", "role = 'admin' OR partner_id IS NOT NULL");
        });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        builder.HasIndex(a => new { a.Entity, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}
