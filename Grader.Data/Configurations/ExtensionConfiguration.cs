using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and index of <see cref="Extension"/>: at most one per student and assignment.</summary>
public sealed class ExtensionConfiguration : IEntityTypeConfiguration<Extension>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Extension> builder)
    {
        builder.ToTable("extensions");
        builder.HasIndex(e => new { e.AssignmentId, e.Student }).IsUnique();
        builder.Property(e => e.AssignmentId).HasMaxLength(100);
    }
}
