using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropReceiptTokenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_ReceiptToken",
                table: "submissions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_submissions_ReceiptToken",
                table: "submissions",
                column: "ReceiptToken",
                unique: true);
        }
    }
}
