using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and indexes of <see cref="RegradeRequest"/>: listed by assignment for TAs, and by submission on its report.</summary>
public sealed class RegradeRequestConfiguration : IEntityTypeConfiguration<RegradeRequest>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<RegradeRequest> builder)
    {
        builder.ToTable("regrade_requests");
        builder.HasIndex(r => new { r.AssignmentId, r.AskedAt });
        builder.HasIndex(r => r.SubmissionId);
        builder.HasOne<Submission>().WithMany().HasForeignKey(r => r.SubmissionId);
        builder.Property(r => r.AssignmentId).HasMaxLength(100);
        builder.Property(r => r.QuestionId).HasMaxLength(100);
        builder.Property(r => r.Student).HasMaxLength(200);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.Property(r => r.Reply).HasMaxLength(2000);
        builder.Property(r => r.AnsweredBy).HasMaxLength(200);
    }
}
