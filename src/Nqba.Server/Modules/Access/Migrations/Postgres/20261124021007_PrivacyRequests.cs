using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Access.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PrivacyRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectEmailHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "access_privacy_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Law = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubjectEmail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubjectEmailHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_privacy_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_consents_OrganizationId",
                table: "access_consents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_access_consents_SubjectEmailHash_Purpose",
                table: "access_consents",
                columns: new[] { "SubjectEmailHash", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_access_privacy_requests_Status_DueAt",
                table: "access_privacy_requests",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_access_privacy_requests_SubjectEmailHash",
                table: "access_privacy_requests",
                column: "SubjectEmailHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_consents");

            migrationBuilder.DropTable(
                name: "access_privacy_requests");
        }
    }
}
