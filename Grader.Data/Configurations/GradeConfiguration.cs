using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and indexes of <see cref="Grade"/>: one grade per submission and generation.</summary>
public sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Grade> builder)
    {
        builder.ToTable("grades");
        builder.HasIndex(g => new { g.SubmissionId, g.Generation }).IsUnique();
        builder.HasIndex(g => new { g.SubmissionId, g.IsCurrent });
        builder.HasOne<AssignmentVersion>().WithMany().HasForeignKey(g => g.AssignmentVersionId);
    }
}
