using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Grader.Data.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    AssignmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Student = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
