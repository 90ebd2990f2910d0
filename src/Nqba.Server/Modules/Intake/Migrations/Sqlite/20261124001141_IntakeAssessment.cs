using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Intake.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BreachedAt",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAt",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeetingType",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResponseDueAt",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RoutedAt",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Score",
                table: "intake_leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SpecialistId",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpecialistName",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "intake_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecommendedUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RunnerUpUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MeetingType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OutcomeJson = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    UnitOverride = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MeetingTypeOverride = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OverriddenBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    OverriddenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intake_assessments_intake_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "intake_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_intake_leads_SpecialistId",
                table: "intake_leads",
                column: "SpecialistId");

            migrationBuilder.CreateIndex(
                name: "IX_intake_assessments_LeadId",
                table: "intake_assessments",
                column: "LeadId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intake_assessments");

            migrationBuilder.DropIndex(
                name: "IX_intake_leads_SpecialistId",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "BreachedAt",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "MeetingType",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "ResponseDueAt",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "RoutedAt",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "SpecialistId",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "SpecialistName",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "UnitCode",
                table: "intake_leads");
        }
    }
}
