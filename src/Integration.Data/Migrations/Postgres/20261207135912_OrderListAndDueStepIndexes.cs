using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderListAndDueStepIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_orders_CreatedAt_Id",
                table: "orders",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_PartnerId_Environment_Status_ConfirmedAt_Id",
                table: "orders",
                columns: new[] { "PartnerId", "Environment", "Status", "ConfirmedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_PartnerId_Environment_Status_ShippedAt_Id",
                table: "orders",
                columns: new[] { "PartnerId", "Environment", "Status", "ShippedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_Reference",
                table: "orders",
                column: "Reference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_orders_CreatedAt_Id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_PartnerId_Environment_Status_ConfirmedAt_Id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_PartnerId_Environment_Status_ShippedAt_Id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_Reference",
                table: "orders");
        }
    }
}
