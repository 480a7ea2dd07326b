using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignment_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SourcePath = table.Column<string>(type: "TEXT", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: true),
                    AssignmentId = table.Column<string>(type: "TEXT", nullable: true),
                    Student = table.Column<string>(type: "TEXT", nullable: true),
                    AssignmentVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceiptToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_submissions_assignment_versions_AssignmentVersionId",
                        column: x => x.AssignmentVersionId,
                        principalTable: "assignment_versions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "grades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignmentVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    MaxScore = table.Column<double>(type: "REAL", nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: false),
                    GradedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grades_assignment_versions_AssignmentVersionId",
                        column: x => x.AssignmentVersionId,
                        principalTable: "assignment_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_grades_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_versions_AssignmentId_Hash",
                table: "assignment_versions",
                columns: new[] { "AssignmentId", "Hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignment_versions_AssignmentId_IsCurrent",
                table: "assignment_versions",
                columns: new[] { "AssignmentId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_grades_AssignmentVersionId",
                table: "grades",
                column: "AssignmentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_grades_SubmissionId_Generation",
                table: "grades",
                columns: new[] { "SubmissionId", "Generation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grades_SubmissionId_IsCurrent",
                table: "grades",
                columns: new[] { "SubmissionId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_AssignmentId_Student",
                table: "submissions",
                columns: new[] { "AssignmentId", "Student" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_AssignmentVersionId",
                table: "submissions",
                column: "AssignmentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_ReceiptToken",
                table: "submissions",
                column: "ReceiptToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_Status",
                table: "submissions",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grades");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropTable(
                name: "assignment_versions");
        }
    }
}
