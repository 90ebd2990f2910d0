using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubjectKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "scheduling_follow_ups",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "scheduling_follow_up_action_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "scheduling_bookings",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "scheduling_follow_ups");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "scheduling_follow_up_action_items");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "scheduling_bookings");
        }
    }
}
