using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStandings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "standings",
                columns: table => new
                {
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Student = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StudentKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Raw = table.Column<double>(type: "REAL", nullable: false),
                    MaxScore = table.Column<double>(type: "REAL", nullable: false),
                    Counted = table.Column<double>(type: "REAL", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    LateTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    LatePenalty = table.Column<double>(type: "REAL", nullable: false),
                    AttemptPenalty = table.Column<double>(type: "REAL", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    GradedVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    GradedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standings", x => new { x.AssignmentId, x.Student });
                });

            migrationBuilder.CreateTable(
                name: "standings_computed",
                columns: table => new
                {
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RulesVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    LastGradedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standings_computed", x => x.AssignmentId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standings");

            migrationBuilder.DropTable(
                name: "standings_computed");
        }
    }
}
