using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table of <see cref="StandingsComputed"/>: one row per assignment.</summary>
public sealed class StandingsComputedConfiguration : IEntityTypeConfiguration<StandingsComputed>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StandingsComputed> builder)
    {
        builder.ToTable("standings_computed");
        builder.HasKey(s => s.AssignmentId);
        builder.Property(s => s.AssignmentId).HasMaxLength(100);
    }
}
