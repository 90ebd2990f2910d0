using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Trading.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_backtests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_backtests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trading_instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ticker = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_instruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trading_prices",
                columns: table => new
                {
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Close = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_prices", x => new { x.InstrumentId, x.Date });
                    table.ForeignKey(
                        name: "FK_trading_prices_trading_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "trading_instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_backtests_CreatedAt",
                table: "trading_backtests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_trading_instruments_Ticker",
                table: "trading_instruments",
                column: "Ticker",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_backtests");

            migrationBuilder.DropTable(
                name: "trading_prices");

            migrationBuilder.DropTable(
                name: "trading_instruments");
        }
    }
}
