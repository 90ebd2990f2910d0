using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataKeyDestroyedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_platform_data_keys_DestroyedAt",
                table: "platform_data_keys",
                column: "DestroyedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_data_keys_DestroyedAt",
                table: "platform_data_keys");
        }
    }
}
