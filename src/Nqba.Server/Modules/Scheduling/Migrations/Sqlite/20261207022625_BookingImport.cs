using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BookingImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "scheduling_bookings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportSource",
                table: "scheduling_bookings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_bookings_ImportSource_ExternalId",
                table: "scheduling_bookings",
                columns: new[] { "ImportSource", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_scheduling_bookings_ImportSource_ExternalId",
                table: "scheduling_bookings");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "scheduling_bookings");

            migrationBuilder.DropColumn(
                name: "ImportSource",
                table: "scheduling_bookings");
        }
    }
}
