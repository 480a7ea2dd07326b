using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and indexes of <see cref="Submission"/>.</summary>
public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions");
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Source).HasMaxLength(16);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.ReceiptToken).HasMaxLength(64);
        builder.HasIndex(s => new { s.AssignmentId, s.Student });
        // The submissions waiting for a grade, oldest first (the queue's depth and age, for metrics and
        // health), and only those: grading a submission takes its entry out and adds none, where an
        // index of every status took a new entry with each grade.
        builder.HasIndex(s => s.ReceivedAt, "IX_submissions_Accepted").HasFilter("\"Status\" = 'Accepted'");
        builder.HasIndex(s => new { s.AssignmentId, s.ReceivedAt }); // the TA page's submissions, newest first, a page at a time
        builder.HasIndex(s => new { s.AssignmentId, s.Status, s.ReceivedAt }); // ... filtered or sorted by status
        // No index on ReceiptToken: a receipt is only ever checked against the submission read by its
        // id, and 24 random bytes do not collide. An index on random tokens put every insert on a
        // page of its own (about a fifth of what SQLite wrote per submission).
        builder.HasOne(s => s.AssignmentVersion).WithMany().HasForeignKey(s => s.AssignmentVersionId);
        builder.HasMany(s => s.Grades).WithOne(g => g.Submission!).HasForeignKey(g => g.SubmissionId);
    }
}
