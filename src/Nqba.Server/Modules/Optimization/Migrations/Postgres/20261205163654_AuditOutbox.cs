using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Optimization.Migrations.Postgres
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
