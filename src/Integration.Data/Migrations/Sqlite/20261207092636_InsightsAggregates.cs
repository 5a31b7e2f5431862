using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InsightsAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_days",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_days", x => new { x.PartnerId, x.Environment, x.CustomerId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "sales_days",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OutletId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeliveredMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedOrders = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales_days", x => new { x.PartnerId, x.Environment, x.Day, x.OutletId });
                });

            migrationBuilder.CreateTable(
                name: "sku_sales_days",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitsDelivered = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitsReturned = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedMinor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sku_sales_days", x => new { x.PartnerId, x.Environment, x.Day, x.Sku });
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_days_PartnerId_Environment_Day",
                table: "customer_days",
                columns: new[] { "PartnerId", "Environment", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_sales_days_Environment_Day",
                table: "sales_days",
                columns: new[] { "Environment", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_days");

            migrationBuilder.DropTable(
                name: "sales_days");

            migrationBuilder.DropTable(
                name: "sku_sales_days");
        }
    }
}
