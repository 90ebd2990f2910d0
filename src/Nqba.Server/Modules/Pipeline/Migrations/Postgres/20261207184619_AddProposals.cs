using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Pipeline.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pipeline_held_moves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnmetGates = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_held_moves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    RecipientName = table.Column<string>(type: "text", nullable: false),
                    RecipientEmail = table.Column<string>(type: "text", nullable: false),
                    RecipientEmailHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LatestVersion = table.Column<int>(type: "integer", nullable: false),
                    SentVersion = table.Column<int>(type: "integer", nullable: true),
                    AcceptedVersion = table.Column<int>(type: "integer", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_contract_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    SignerName = table.Column<string>(type: "text", nullable: false),
                    SignerNameHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IpAddress = table.Column<string>(type: "text", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_contract_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_contract_signatures_pipeline_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pipeline_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_proposal_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    DiscountKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DiscountValue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Subtotal = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DiscountAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Terms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_proposal_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_proposal_versions_pipeline_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "pipeline_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_proposal_line_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_proposal_line_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_proposal_line_items_pipeline_proposal_versions_Ver~",
                        column: x => x.VersionId,
                        principalTable: "pipeline_proposal_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_contract_signatures_OrganizationId",
                table: "pipeline_contract_signatures",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_contract_signatures_ProposalId",
                table: "pipeline_contract_signatures",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_held_moves_DealId_At",
                table: "pipeline_held_moves",
                columns: new[] { "DealId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_held_moves_EventId",
                table: "pipeline_held_moves",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_proposal_line_items_VersionId_Position",
                table: "pipeline_proposal_line_items",
                columns: new[] { "VersionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_proposal_versions_ProposalId_Number",
                table: "pipeline_proposal_versions",
                columns: new[] { "ProposalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_proposals_DealId_CreatedAt",
                table: "pipeline_proposals",
                columns: new[] { "DealId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_proposals_OrganizationId",
                table: "pipeline_proposals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_proposals_RecipientEmailHash",
                table: "pipeline_proposals",
                column: "RecipientEmailHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pipeline_contract_signatures");

            migrationBuilder.DropTable(
                name: "pipeline_held_moves");

            migrationBuilder.DropTable(
                name: "pipeline_proposal_line_items");

            migrationBuilder.DropTable(
                name: "pipeline_proposal_versions");

            migrationBuilder.DropTable(
                name: "pipeline_proposals");
        }
    }
}
