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

            // SQLite cannot change a primary key in place. EF's own rebuild turns foreign keys off, which
            // cannot happen inside the migration's transaction (a warning on every first run, and a
            // half-applied migration if it fails midway). No foreign key points at brand_stock, so the
            // rebuild runs inside the transaction.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_brand_stock" (
                    "Sku" TEXT NOT NULL,
                    "Environment" TEXT NOT NULL,
                    "Pool" TEXT NOT NULL DEFAULT '',
                    "OnHand" INTEGER NOT NULL,
                    "Reserved" INTEGER NOT NULL,
                    "UpdatedAt" INTEGER NOT NULL,
                    CONSTRAINT "PK_brand_stock" PRIMARY KEY ("Sku", "Environment", "Pool"),
                    CONSTRAINT "ck_brand_stock_available" CHECK ("Reserved" >= 0 AND "OnHand" >= "Reserved"));
                INSERT INTO "ef_temp_brand_stock" ("Sku", "Environment", "Pool", "OnHand", "Reserved", "UpdatedAt")
                    SELECT "Sku", "Environment", '', "OnHand", "Reserved", "UpdatedAt" FROM "brand_stock";
                DROP TABLE "brand_stock";
                ALTER TABLE "ef_temp_brand_stock" RENAME TO "brand_stock";
                """);

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
