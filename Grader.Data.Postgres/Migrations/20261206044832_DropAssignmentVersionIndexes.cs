using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropAssignmentVersionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_AssignmentVersionId",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_grades_AssignmentVersionId",
                table: "grades");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_submissions_AssignmentVersionId",
                table: "submissions",
                column: "AssignmentVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_grades_AssignmentVersionId",
                table: "grades",
                column: "AssignmentVersionId");
        }
    }
}
