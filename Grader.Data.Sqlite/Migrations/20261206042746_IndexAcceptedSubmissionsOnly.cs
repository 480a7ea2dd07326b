using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndexAcceptedSubmissionsOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_Status",
                table: "submissions");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_Accepted",
                table: "submissions",
                column: "ReceivedAt",
                filter: "\"Status\" = 'Accepted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_Accepted",
                table: "submissions");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_Status",
                table: "submissions",
                column: "Status");
        }
    }
}
