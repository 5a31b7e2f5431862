using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Grades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "performance_grades",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CooperationMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MonthlyFootfallPerOutlet = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversionRate = table.Column<long>(type: "INTEGER", nullable: true),
                    RepurchaseRate = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_grades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rating_proposals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CurrentRating = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposedRating = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OverdueAmounts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxDaysOverdue = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stock_snapshots",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OnHand = table.Column<int>(type: "INTEGER", nullable: false),
                    Available = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedDayBefore = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_snapshots", x => new { x.PartnerId, x.Environment, x.Day, x.LocationId, x.Sku });
                });

            migrationBuilder.CreateIndex(
                name: "ux_performance_grades_partner_quarter",
                table: "performance_grades",
                columns: new[] { "PartnerId", "Environment", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rating_proposals_Status_CreatedAt",
                table: "rating_proposals",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "ux_rating_proposals_partner_quarter",
                table: "rating_proposals",
                columns: new[] { "PartnerId", "Environment", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "performance_grades");

            migrationBuilder.DropTable(
                name: "rating_proposals");

            migrationBuilder.DropTable(
                name: "stock_snapshots");
        }
    }
}
