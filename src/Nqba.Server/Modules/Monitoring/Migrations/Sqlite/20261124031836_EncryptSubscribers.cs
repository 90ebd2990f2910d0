using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Monitoring.Migrations.Sqlite
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

            migrationBuilder.AddColumn<string>(
                name: "EmailHash",
                table: "monitoring_subscriptions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeToken",
                table: "monitoring_subscriptions",
                type: "TEXT",
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

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_subscriptions_ComponentId_Email",
                table: "monitoring_subscriptions",
                columns: new[] { "ComponentId", "Email" },
                unique: true);
        }
    }
}
