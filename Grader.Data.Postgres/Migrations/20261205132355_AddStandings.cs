using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Postgres.Migrations
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
                    AssignmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Student = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StudentKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Raw = table.Column<double>(type: "double precision", nullable: false),
                    MaxScore = table.Column<double>(type: "double precision", nullable: false),
                    Counted = table.Column<double>(type: "double precision", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    LateTicks = table.Column<long>(type: "bigint", nullable: false),
                    LatePenalty = table.Column<double>(type: "double precision", nullable: false),
                    AttemptPenalty = table.Column<double>(type: "double precision", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    GradedVersionId = table.Column<long>(type: "bigint", nullable: true),
                    GradedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_standings", x => new { x.AssignmentId, x.Student });
                });

            migrationBuilder.CreateTable(
                name: "standings_computed",
                columns: table => new
                {
                    AssignmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RulesVersionId = table.Column<long>(type: "bigint", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false),
                    LastGradedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
