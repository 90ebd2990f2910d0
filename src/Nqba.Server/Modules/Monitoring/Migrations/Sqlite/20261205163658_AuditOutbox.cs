using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Monitoring.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
