using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Access.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignInTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AuthenticatorTimeStep",
                table: "access_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSignInAt",
                table: "access_users",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthenticatorTimeStep",
                table: "access_users");

            migrationBuilder.DropColumn(
                name: "LastSignInAt",
                table: "access_users");
        }
    }
}
