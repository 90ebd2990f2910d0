using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Access.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganizationIntakeKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IntakeKey",
                table: "access_organizations",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_access_organizations_IntakeKey",
                table: "access_organizations",
                column: "IntakeKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_access_organizations_IntakeKey",
                table: "access_organizations");

            migrationBuilder.DropColumn(
                name: "IntakeKey",
                table: "access_organizations");
        }
    }
}
