using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and index of <see cref="ScoreOverrideRecord"/>: the overrides of a submission are read together.</summary>
public sealed class ScoreOverrideRecordConfiguration : IEntityTypeConfiguration<ScoreOverrideRecord>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ScoreOverrideRecord> builder)
    {
        builder.ToTable("score_overrides");
        builder.HasIndex(o => new { o.SubmissionId, o.QuestionId, o.At });
        builder.HasOne<Submission>().WithMany().HasForeignKey(o => o.SubmissionId);
        builder.Property(o => o.QuestionId).HasMaxLength(100);

        // One override per submission and question from a rule (NULLs, a TA's own overrides, never collide).
        // No foreign key to answer_group_rules: on SQLite adding one rebuilds this table, outside a transaction.
        builder.HasIndex(o => new { o.SubmissionId, o.QuestionId, o.AnswerGroupRuleId }).IsUnique();
    }
}
