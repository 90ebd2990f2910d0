using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Monitoring.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_channels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ComponentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    RepeatMinutes = table.Column<int>(type: "integer", nullable: true),
                    EscalateAfterMinutes = table.Column<int>(type: "integer", nullable: true),
                    EscalationTarget = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_channels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_components",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_components", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ComponentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PostMortem = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PredictionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_maintenance_windows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ComponentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    LocalStart = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Recurrence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecursUntil = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_maintenance_windows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_client_services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MonthlyFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_client_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_client_services_monitoring_components_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "monitoring_components",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_monitors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StandbyTarget = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UsingStandby = table.Column<bool>(type: "boolean", nullable: false),
                    ExpectedStatus = table.Column<int>(type: "integer", nullable: true),
                    Keyword = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    JsonPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    JsonExpected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DegradedLatencyMs = table.Column<int>(type: "integer", nullable: true),
                    TlsDegradedDays = table.Column<int>(type: "integer", nullable: false),
                    TlsDownDays = table.Column<int>(type: "integer", nullable: false),
                    AcceptUntrustedCertificate = table.Column<bool>(type: "boolean", nullable: false),
                    IntervalSeconds = table.Column<int>(type: "integer", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "integer", nullable: false),
                    Retries = table.Column<int>(type: "integer", nullable: false),
                    HeartbeatTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastHeartbeatAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    LastCheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastLatencyMs = table.Column<double>(type: "double precision", nullable: true),
                    LastMessage = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimVersion = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_monitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_monitors_monitoring_components_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "monitoring_components",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_runbooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Command = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CooldownSeconds = table.Column<int>(type: "integer", nullable: false),
                    MaxAttemptsPerHour = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_runbooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_runbooks_monitoring_components_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "monitoring_components",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_state_intervals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_state_intervals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_state_intervals_monitoring_components_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "monitoring_components",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_subscriptions_monitoring_components_ComponentId",
                        column: x => x.ComponentId,
                        principalTable: "monitoring_components",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_incident_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_incident_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_incident_updates_monitoring_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "monitoring_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_check_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MonitorId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LatencyMs = table.Column<double>(type: "double precision", nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_check_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_check_results_monitoring_monitors_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "monitoring_monitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_runbook_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunbookId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComponentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_runbook_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_runbook_runs_monitoring_runbooks_RunbookId",
                        column: x => x.RunbookId,
                        principalTable: "monitoring_runbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_check_results_MonitorId_At",
                table: "monitoring_check_results",
                columns: new[] { "MonitorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_client_services_ComponentId",
                table: "monitoring_client_services",
                column: "ComponentId");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_client_services_OrganizationId_ComponentId",
                table: "monitoring_client_services",
                columns: new[] { "OrganizationId", "ComponentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_components_Key",
                table: "monitoring_components",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_deliveries_ChannelId_ComponentId_At",
                table: "monitoring_deliveries",
                columns: new[] { "ChannelId", "ComponentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_incident_updates_IncidentId",
                table: "monitoring_incident_updates",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_incidents_Status_OpenedAt",
                table: "monitoring_incidents",
                columns: new[] { "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_monitors_ComponentId",
                table: "monitoring_monitors",
                column: "ComponentId");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_monitors_HeartbeatTokenHash",
                table: "monitoring_monitors",
                column: "HeartbeatTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_monitors_NextDueAt",
                table: "monitoring_monitors",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_runbook_runs_RunbookId_At",
                table: "monitoring_runbook_runs",
                columns: new[] { "RunbookId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_runbooks_ComponentId",
                table: "monitoring_runbooks",
                column: "ComponentId");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_state_intervals_ComponentId_From",
                table: "monitoring_state_intervals",
                columns: new[] { "ComponentId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_subscriptions_ComponentId_Email",
                table: "monitoring_subscriptions",
                columns: new[] { "ComponentId", "Email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_channels");

            migrationBuilder.DropTable(
                name: "monitoring_check_results");

            migrationBuilder.DropTable(
                name: "monitoring_client_services");

            migrationBuilder.DropTable(
                name: "monitoring_deliveries");

            migrationBuilder.DropTable(
                name: "monitoring_incident_updates");

            migrationBuilder.DropTable(
                name: "monitoring_maintenance_windows");

            migrationBuilder.DropTable(
                name: "monitoring_runbook_runs");

            migrationBuilder.DropTable(
                name: "monitoring_state_intervals");

            migrationBuilder.DropTable(
                name: "monitoring_subscriptions");

            migrationBuilder.DropTable(
                name: "monitoring_monitors");

            migrationBuilder.DropTable(
                name: "monitoring_incidents");

            migrationBuilder.DropTable(
                name: "monitoring_runbooks");

            migrationBuilder.DropTable(
                name: "monitoring_components");
        }
    }
}
