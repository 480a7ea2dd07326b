using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and index of <see cref="AnswerGroupRule"/>: read by assignment (the page, the grading job).</summary>
public sealed class AnswerGroupRuleConfiguration : IEntityTypeConfiguration<AnswerGroupRule>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<AnswerGroupRule> builder)
    {
        builder.ToTable("answer_group_rules");
        builder.HasIndex(r => new { r.AssignmentId, r.QuestionId, r.GroupKey });
        builder.Property(r => r.AssignmentId).HasMaxLength(100);
        builder.Property(r => r.QuestionId).HasMaxLength(100);
        builder.Property(r => r.GroupKey).HasMaxLength(100);
        builder.Property(r => r.Answer).HasMaxLength(300);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.Property(r => r.By).HasMaxLength(200);
        builder.Property(r => r.UndoneBy).HasMaxLength(200);
    }
}
