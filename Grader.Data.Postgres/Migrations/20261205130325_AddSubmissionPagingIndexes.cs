using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddSubmissionPagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_submissions_AssignmentId_ReceivedAt",
                table: "submissions",
                columns: new[] { "AssignmentId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_AssignmentId_Status_ReceivedAt",
                table: "submissions",
                columns: new[] { "AssignmentId", "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_AssignmentId_ReceivedAt",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_submissions_AssignmentId_Status_ReceivedAt",
                table: "submissions");
        }
    }
}
