using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Access.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiKeyScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParentKeyId",
                table: "access_api_keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scopes",
                table: "access_api_keys",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_access_api_keys_ParentKeyId",
                table: "access_api_keys",
                column: "ParentKeyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_access_api_keys_ParentKeyId",
                table: "access_api_keys");

            migrationBuilder.DropColumn(
                name: "ParentKeyId",
                table: "access_api_keys");

            migrationBuilder.DropColumn(
                name: "Scopes",
                table: "access_api_keys");
        }
    }
}
