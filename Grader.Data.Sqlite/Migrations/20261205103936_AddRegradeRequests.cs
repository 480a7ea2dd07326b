using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddRegradeRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regrade_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Student = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regrade_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_regrade_requests_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_regrade_requests_AssignmentId_AskedAt",
                table: "regrade_requests",
                columns: new[] { "AssignmentId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_regrade_requests_SubmissionId",
                table: "regrade_requests",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regrade_requests");
        }
    }
}
