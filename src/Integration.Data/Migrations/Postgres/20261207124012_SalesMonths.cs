using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SalesMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sales_days_Environment_Day",
                table: "sales_days");

            migrationBuilder.CreateTable(
                name: "sales_months",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    DeliveredMinor = table.Column<long>(type: "bigint", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "integer", nullable: false),
                    ReturnedMinor = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedOrders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales_months", x => new { x.PartnerId, x.Environment, x.Month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_sales_months_Environment_Month",
                table: "sales_months",
                columns: new[] { "Environment", "Month" });

            // The roll-up of the day rows written before it existed.
            migrationBuilder.Sql("""
                INSERT INTO sales_months ("PartnerId", "Environment", "Month", "DeliveredMinor", "DeliveredOrders", "ReturnedMinor", "ReturnedOrders")
                SELECT "PartnerId", "Environment", date_trunc('month', "Day")::date, SUM("DeliveredMinor"), SUM("DeliveredOrders"), SUM("ReturnedMinor"), SUM("ReturnedOrders")
                FROM sales_days GROUP BY "PartnerId", "Environment", date_trunc('month', "Day")::date
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sales_months");

            migrationBuilder.CreateIndex(
                name: "IX_sales_days_Environment_Day",
                table: "sales_days",
                columns: new[] { "Environment", "Day" });
        }
    }
}
