using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedAddress",
                table: "customers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedEmail",
                table: "customers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedName",
                table: "customers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedPhone",
                table: "customers",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_consents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_customer_consents_customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_days",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_days", x => new { x.PartnerId, x.Environment, x.CustomerId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "performance_grades",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Grade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CooperationMode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MonthlyFootfallPerOutlet = table.Column<long>(type: "bigint", nullable: true),
                    ConversionRate = table.Column<long>(type: "bigint", nullable: true),
                    RepurchaseRate = table.Column<long>(type: "bigint", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_grades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rating_proposals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrentRating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProposedRating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OverdueAmounts = table.Column<int>(type: "integer", nullable: false),
                    MaxDaysOverdue = table.Column<int>(type: "integer", nullable: false),
                    Basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sales_days",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    OutletId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeliveredMinor = table.Column<long>(type: "bigint", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "integer", nullable: false),
                    ReturnedMinor = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedOrders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales_days", x => new { x.PartnerId, x.Environment, x.Day, x.OutletId });
                });

            migrationBuilder.CreateTable(
                name: "sku_sales_days",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sku = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UnitsDelivered = table.Column<int>(type: "integer", nullable: false),
                    DeliveredMinor = table.Column<long>(type: "bigint", nullable: false),
                    UnitsReturned = table.Column<int>(type: "integer", nullable: false),
                    ReturnedMinor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sku_sales_days", x => new { x.PartnerId, x.Environment, x.Day, x.Sku });
                });

            migrationBuilder.CreateTable(
                name: "stock_snapshots",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    LocationId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sku = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OnHand = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<int>(type: "integer", nullable: false),
                    ReceivedDayBefore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_snapshots", x => new { x.PartnerId, x.Environment, x.Day, x.LocationId, x.Sku });
                });

            migrationBuilder.CreateIndex(
                name: "IX_customers_PartnerId_Environment_CreatedAt_Id",
                table: "customers",
                columns: new[] { "PartnerId", "Environment", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_consents_CustomerId_GivenAt_Id",
                table: "customer_consents",
                columns: new[] { "CustomerId", "GivenAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_days_PartnerId_Environment_Day",
                table: "customer_days",
                columns: new[] { "PartnerId", "Environment", "Day" });

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

            migrationBuilder.CreateIndex(
                name: "IX_sales_days_Environment_Day",
                table: "sales_days",
                columns: new[] { "Environment", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_consents");

            migrationBuilder.DropTable(
                name: "customer_days");

            migrationBuilder.DropTable(
                name: "performance_grades");

            migrationBuilder.DropTable(
                name: "rating_proposals");

            migrationBuilder.DropTable(
                name: "sales_days");

            migrationBuilder.DropTable(
                name: "sku_sales_days");

            migrationBuilder.DropTable(
                name: "stock_snapshots");

            migrationBuilder.DropIndex(
                name: "IX_customers_PartnerId_Environment_CreatedAt_Id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "ProtectedAddress",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "ProtectedEmail",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "ProtectedName",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "ProtectedPhone",
                table: "customers");
        }
    }
}
