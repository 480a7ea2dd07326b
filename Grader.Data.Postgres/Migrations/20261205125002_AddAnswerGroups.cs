using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Grader.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddAnswerGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnswerGroupRuleId",
                table: "score_overrides",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "answer_group_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Answer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_answer_group_rules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_score_overrides_SubmissionId_QuestionId_AnswerGroupRuleId",
                table: "score_overrides",
                columns: new[] { "SubmissionId", "QuestionId", "AnswerGroupRuleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_answer_group_rules_AssignmentId_QuestionId_GroupKey",
                table: "answer_group_rules",
                columns: new[] { "AssignmentId", "QuestionId", "GroupKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "answer_group_rules");

            migrationBuilder.DropIndex(
                name: "IX_score_overrides_SubmissionId_QuestionId_AnswerGroupRuleId",
                table: "score_overrides");

            migrationBuilder.DropColumn(
                name: "AnswerGroupRuleId",
                table: "score_overrides");
        }
    }
}
