using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Monitoring.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EncryptSubscribers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitoring_subscriptions_ComponentId_Email",
                table: "monitoring_subscriptions");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "monitoring_subscriptions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320);

            migrationBuilder.AddColumn<string>(
                name: "EmailHash",
                table: "monitoring_subscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeToken",
                table: "monitoring_subscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_subscriptions_ComponentId_EmailHash",
                table: "monitoring_subscriptions",
                columns: new[] { "ComponentId", "EmailHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_subscriptions_UnsubscribeToken",
                table: "monitoring_subscriptions",
                column: "UnsubscribeToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitoring_subscriptions_ComponentId_EmailHash",
                table: "monitoring_subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_monitoring_subscriptions_UnsubscribeToken",
                table: "monitoring_subscriptions");

            migrationBuilder.DropColumn(
                name: "EmailHash",
                table: "monitoring_subscriptions");

            migrationBuilder.DropColumn(
                name: "UnsubscribeToken",
                table: "monitoring_subscriptions");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "monitoring_subscriptions",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_subscriptions_ComponentId_Email",
                table: "monitoring_subscriptions",
                columns: new[] { "ComponentId", "Email" },
                unique: true);
        }
    }
}
