using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddStandingTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CountedSum",
                table: "standings_computed",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "ListedStudents",
                table: "standings_computed",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ListedSum",
                table: "standings_computed",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "MaxAttempts",
                table: "standings_computed",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Settled",
                table: "standings_computed",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Students",
                table: "standings_computed",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_standings_AssignmentId_MaxScore",
                table: "standings",
                columns: new[] { "AssignmentId", "MaxScore" });

            migrationBuilder.CreateIndex(
                name: "IX_standings_AssignmentId_StudentKey",
                table: "standings",
                columns: new[] { "AssignmentId", "StudentKey" });

            // A database of the previous release: each computed assignment's totals from its rows, once.
            migrationBuilder.Sql("""
                UPDATE standings_computed SET
                    "Settled" = (SELECT COUNT(*) FROM submissions s WHERE s."AssignmentId" = standings_computed."AssignmentId" AND s."Status" IN ('Graded', 'Failed')),
                    "Students" = (SELECT COUNT(*) FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"),
                    "CountedSum" = COALESCE((SELECT SUM(t."Counted") FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"), 0),
                    "MaxAttempts" = COALESCE((SELECT COUNT(*) FROM submissions s WHERE s."AssignmentId" = standings_computed."AssignmentId"
                        AND s."Student" IS NOT NULL AND s."Status" <> 'Rejected' GROUP BY s."Student" ORDER BY COUNT(*) DESC LIMIT 1), 0),
                    "ListedStudents" = (SELECT COUNT(*) FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"
                        AND EXISTS (SELECT 1 FROM students k WHERE k."Key" = t."StudentKey")),
                    "ListedSum" = COALESCE((SELECT SUM(t."Counted") FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"
                        AND EXISTS (SELECT 1 FROM students k WHERE k."Key" = t."StudentKey")), 0)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_standings_AssignmentId_MaxScore",
                table: "standings");

            migrationBuilder.DropIndex(
                name: "IX_standings_AssignmentId_StudentKey",
                table: "standings");

            migrationBuilder.DropColumn(
                name: "CountedSum",
                table: "standings_computed");

            migrationBuilder.DropColumn(
                name: "ListedStudents",
                table: "standings_computed");

            migrationBuilder.DropColumn(
                name: "ListedSum",
                table: "standings_computed");

            migrationBuilder.DropColumn(
                name: "MaxAttempts",
                table: "standings_computed");

            migrationBuilder.DropColumn(
                name: "Settled",
                table: "standings_computed");

            migrationBuilder.DropColumn(
                name: "Students",
                table: "standings_computed");
        }
    }
}
