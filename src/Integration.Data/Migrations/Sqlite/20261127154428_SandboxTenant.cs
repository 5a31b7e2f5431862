using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SandboxTenant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_brand_stock",
                table: "brand_stock");

            migrationBuilder.AddColumn<bool>(
                name: "SandboxOnly",
                table: "products",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SandboxOwnerId",
                table: "partners",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pool",
                table: "brand_stock",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_brand_stock",
                table: "brand_stock",
                columns: new[] { "Sku", "Environment", "Pool" });

            migrationBuilder.CreateTable(
                name: "sandbox_snapshots",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClockOffsetMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sandbox_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sandbox_worlds",
                columns: table => new
                {
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClockOffsetMs = table.Column<long>(type: "INTEGER", nullable: false),
                    BankGatewayMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CarrierMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HistoryFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    SeededAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sandbox_worlds", x => x.PartnerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_SandboxOwnerId",
                table: "partners",
                column: "SandboxOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_snapshots_PartnerId_CreatedAt",
                table: "sandbox_snapshots",
                columns: new[] { "PartnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_worlds_LastUsedAt",
                table: "sandbox_worlds",
                column: "LastUsedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sandbox_snapshots");

            migrationBuilder.DropTable(
                name: "sandbox_worlds");

            migrationBuilder.DropIndex(
                name: "IX_partners_SandboxOwnerId",
                table: "partners");

            migrationBuilder.DropPrimaryKey(
                name: "PK_brand_stock",
                table: "brand_stock");

            migrationBuilder.DropColumn(
                name: "SandboxOnly",
                table: "products");

            migrationBuilder.DropColumn(
                name: "SandboxOwnerId",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "Pool",
                table: "brand_stock");

            migrationBuilder.AddPrimaryKey(
                name: "PK_brand_stock",
                table: "brand_stock",
                columns: new[] { "Sku", "Environment" });
        }
    }
}
