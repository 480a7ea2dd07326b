using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and indexes of <see cref="AssignmentVersion"/>.</summary>
public sealed class AssignmentVersionConfiguration : IEntityTypeConfiguration<AssignmentVersion>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<AssignmentVersion> builder)
    {
        builder.ToTable("assignment_versions");
        builder.Property(v => v.AssignmentId).IsRequired().HasMaxLength(100);
        builder.Property(v => v.Hash).IsRequired().HasMaxLength(64);
        builder.HasIndex(v => new { v.AssignmentId, v.Hash }).IsUnique();
        builder.HasIndex(v => new { v.AssignmentId, v.IsCurrent });
    }
}
