using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Trading.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPaperTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trading_portfolios",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Cash = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    InitialCash = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_portfolios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trading_record",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PortfolioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_record", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "trading_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortfolioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ticker = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    LimitPrice = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    PlacedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FillPrice = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: true),
                    FilledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trading_orders_trading_portfolios_PortfolioId",
                        column: x => x.PortfolioId,
                        principalTable: "trading_portfolios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trading_positions",
                columns: table => new
                {
                    PortfolioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    CostBasis = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_positions", x => new { x.PortfolioId, x.InstrumentId });
                    table.ForeignKey(
                        name: "FK_trading_positions_trading_instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "trading_instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trading_positions_trading_portfolios_PortfolioId",
                        column: x => x.PortfolioId,
                        principalTable: "trading_portfolios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trading_transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PortfolioId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ticker = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 20, scale: 6, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    RealizedPnl = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trading_transactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trading_transactions_trading_portfolios_PortfolioId",
                        column: x => x.PortfolioId,
                        principalTable: "trading_portfolios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_trading_orders_PortfolioId_CreatedAt",
                table: "trading_orders",
                columns: new[] { "PortfolioId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_trading_portfolios_OrganizationId",
                table: "trading_portfolios",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_trading_positions_InstrumentId",
                table: "trading_positions",
                column: "InstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_trading_record_OrderId",
                table: "trading_record",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_trading_record_PortfolioId",
                table: "trading_record",
                column: "PortfolioId");

            migrationBuilder.CreateIndex(
                name: "IX_trading_transactions_PortfolioId_Ticker_Date",
                table: "trading_transactions",
                columns: new[] { "PortfolioId", "Ticker", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trading_orders");

            migrationBuilder.DropTable(
                name: "trading_positions");

            migrationBuilder.DropTable(
                name: "trading_record");

            migrationBuilder.DropTable(
                name: "trading_transactions");

            migrationBuilder.DropTable(
                name: "trading_portfolios");
        }
    }
}
