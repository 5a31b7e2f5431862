using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgreementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreementVersionId",
                table: "partners",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaymentTermDays",
                table: "partners",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProfitShareBrackets",
                table: "partners",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agreement_versions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Origin = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CooperationMode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DiscountRate = table.Column<long>(type: "bigint", nullable: true),
                    AnnualTargetMinor = table.Column<long>(type: "bigint", nullable: true),
                    AnnualPurchaseCommitmentMinor = table.Column<long>(type: "bigint", nullable: true),
                    TermMonths = table.Column<int>(type: "integer", nullable: false),
                    ExclusiveRegion = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PaymentTermDays = table.Column<int>(type: "integer", nullable: true),
                    ProfitShareBrackets = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_versions_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_signatures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Document = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VersionId = table.Column<string>(type: "character varying(40)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_signatures_agreement_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "agreement_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_signatures_VersionId_Document_Side",
                table: "agreement_signatures",
                columns: new[] { "VersionId", "Document", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_agreement_versions_partner_number",
                table: "agreement_versions",
                columns: new[] { "PartnerId", "Number" },
                unique: true);

            // Every existing partner (not one still onboarding) gets a signed version 1 holding the numbers it has today,
            // recorded rather than negotiated, so statements and prices stay exactly as they were.
            migrationBuilder.Sql("""
                INSERT INTO agreement_versions ("Id", "PartnerId", "Number", "Status", "Origin", "CooperationMode", "Tier", "DiscountRate",
                    "AnnualTargetMinor", "AnnualPurchaseCommitmentMinor", "TermMonths", "ExclusiveRegion", "PaymentTermDays", "ProfitShareBrackets",
                    "EffectiveFrom", "CreatedBy", "CreatedAt", "UpdatedAt", "SignedAt")
                SELECT 'agv_' || substr(md5(random()::text || "Id"), 1, 20), "Id", 1, 'signed', 'recorded', "CooperationMode", "Tier", "DiscountRate",
                    "AnnualTargetMinor", "AnnualPurchaseCommitmentMinor", CASE "Tier" WHEN 'strategic' THEN 36 ELSE 12 END,
                    CASE "CooperationMode" WHEN 'exclusive_agency' THEN "RegionCode" END, NULL, NULL,
                    ("CreatedAt" AT TIME ZONE 'UTC')::date, 'migration', "CreatedAt", "CreatedAt", "CreatedAt"
                FROM partners WHERE "Status" <> 'onboarding';
                UPDATE partners p SET "AgreementVersionId" = v."Id" FROM agreement_versions v
                WHERE v."PartnerId" = p."Id" AND v."Number" = 1 AND p."Status" <> 'onboarding';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_signatures");

            migrationBuilder.DropTable(
                name: "agreement_versions");

            migrationBuilder.DropColumn(
                name: "AgreementVersionId",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "PaymentTermDays",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "ProfitShareBrackets",
                table: "partners");
        }
    }
}
