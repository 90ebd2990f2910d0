using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Email = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: false),
                    EmailHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    OnCallRotation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RotationStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ShiftHours = table.Column<int>(type: "integer", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RequesterEmail = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: true),
                    RequesterUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstRespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    SlaPolicy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    FirstResponseWarnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FirstResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextResponseCycle = table.Column<long>(type: "bigint", nullable: false),
                    NextResponseWarnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextResponseDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SlaPaused = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_agents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Email = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: false),
                    Languages = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Skills = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<bool>(type: "boolean", nullable: false),
                    LastAssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_agents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_agents_support_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "support_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_callbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_callbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_callbacks_support_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "support_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Author = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    BodyHtml = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: true),
                    Internal = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EmailMessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CallDirection = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CallSeconds = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_messages_support_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "support_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_sla_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    Clock = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Cycle = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_sla_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_sla_alerts_support_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "support_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_status_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_status_changes_support_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "support_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_attachments_support_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "support_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_agents_TeamId",
                table: "support_agents",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_support_agents_UserId",
                table: "support_agents",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_attachments_MessageId",
                table: "support_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_support_attachments_TicketId",
                table: "support_attachments",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_support_callbacks_DoneAt_DueAt",
                table: "support_callbacks",
                columns: new[] { "DoneAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_support_callbacks_TicketId",
                table: "support_callbacks",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_support_messages_EmailMessageId",
                table: "support_messages",
                column: "EmailMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_support_messages_TicketId_At",
                table: "support_messages",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_support_sla_alerts_TicketId_Clock_Kind_Cycle",
                table: "support_sla_alerts",
                columns: new[] { "TicketId", "Clock", "Kind", "Cycle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_status_changes_TicketId_At",
                table: "support_status_changes",
                columns: new[] { "TicketId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_support_surveys_EmailHash_Kind_SentAt",
                table: "support_surveys",
                columns: new[] { "EmailHash", "Kind", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_support_surveys_TicketId",
                table: "support_surveys",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_support_teams_Code",
                table: "support_teams",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_FirstResponseWarnAt",
                table: "support_tickets",
                column: "FirstResponseWarnAt");

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_NextResponseWarnAt",
                table: "support_tickets",
                column: "NextResponseWarnAt");

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_Number",
                table: "support_tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_OrganizationId_CreatedAt",
                table: "support_tickets",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_ResolutionWarnAt",
                table: "support_tickets",
                column: "ResolutionWarnAt");

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_Status_AssigneeId",
                table: "support_tickets",
                columns: new[] { "Status", "AssigneeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_agents");

            migrationBuilder.DropTable(
                name: "support_attachments");

            migrationBuilder.DropTable(
                name: "support_callbacks");

            migrationBuilder.DropTable(
                name: "support_sla_alerts");

            migrationBuilder.DropTable(
                name: "support_status_changes");

            migrationBuilder.DropTable(
                name: "support_surveys");

            migrationBuilder.DropTable(
                name: "support_teams");

            migrationBuilder.DropTable(
                name: "support_messages");

            migrationBuilder.DropTable(
                name: "support_tickets");
        }
    }
}
