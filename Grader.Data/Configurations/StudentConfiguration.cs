using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Grader.Data.Configurations;

/// <summary>Table and indexes of <see cref="Student"/>: one row per case-folded id, tokens unique.</summary>
public sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Student> builder)
    {
        builder.ToTable("students");
        builder.Property(s => s.StudentId).IsRequired().HasMaxLength(200);
        builder.Property(s => s.Key).IsRequired().HasMaxLength(200);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Email).HasMaxLength(300);
        builder.Property(s => s.Token).IsRequired().HasMaxLength(64);
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => s.Token).IsUnique();
    }
}
