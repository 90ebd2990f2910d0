using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VideoProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VideoMeetingId",
                table: "scheduling_bookings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoProvider",
                table: "scheduling_bookings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VideoMeetingId",
                table: "scheduling_bookings");

            migrationBuilder.DropColumn(
                name: "VideoProvider",
                table: "scheduling_bookings");
        }
    }
}
