using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table of <see cref="StoredStanding"/>: one row per assignment and student.</summary>
public sealed class StoredStandingConfiguration : IEntityTypeConfiguration<StoredStanding>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StoredStanding> builder)
    {
        builder.ToTable("standings");
        builder.HasKey(s => new { s.AssignmentId, s.Student });
        builder.Property(s => s.AssignmentId).HasMaxLength(100);
        builder.Property(s => s.Student).HasMaxLength(200);
        builder.Property(s => s.StudentKey).HasMaxLength(200);
        builder.HasIndex(s => new { s.AssignmentId, s.StudentKey }); // the class list's students' rows (home page, gradebook)
        builder.HasIndex(s => new { s.AssignmentId, s.MaxScore }); // the highest maximum, read from the end
    }
}
