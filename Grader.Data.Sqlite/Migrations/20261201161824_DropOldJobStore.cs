using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Grader.Data.Sqlite.Migrations
{
    /// <summary>
    /// Release 1 kept its job queue in the same SQLite file, in tables named QRTZ_*. The queue is
    /// now Hangfire's (in memory on one node; durability comes from the submissions themselves),
    /// so those tables go. Children first, so that no foreign key is left dangling.
    /// </summary>
    public partial class DropOldJobStore : Migration
    {
        private static readonly string[] Tables =
        [
            "FIRED_TRIGGERS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS",
            "TRIGGERS", "JOB_DETAILS", "CALENDARS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS",
            "SCHEDULER_STATE", "LOCKS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS \"QRTZ_{table}\";");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old job store is not restored: release 1 provisions its own tables when it starts.
        }
    }
}
