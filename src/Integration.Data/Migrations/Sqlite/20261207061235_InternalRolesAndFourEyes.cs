using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InternalRolesAndFourEyes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ProposedAdjustmentMinor",
                table: "disputes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProposedAt",
                table: "disputes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedBy",
                table: "disputes",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedNote",
                table: "disputes",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedOutcome",
                table: "disputes",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Roles",
                table: "credentials",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Internal credentials issued before roles could do everything; they keep every role (ADR 0021) until an admin narrows them.
            migrationBuilder.Sql("UPDATE credentials SET \"Roles\" = 'viewer onboarding credentials finance regional_manager legal risk admin' WHERE \"Kind\" = 'internal'");

            migrationBuilder.CreateTable(
                name: "live_credential_requests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CredentialId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_credential_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_live_credential_requests_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_live_credential_requests_PartnerId",
                table: "live_credential_requests",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_live_credential_requests_Status_RequestedAt",
                table: "live_credential_requests",
                columns: new[] { "Status", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_credential_requests");

            migrationBuilder.DropColumn(
                name: "ProposedAdjustmentMinor",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "ProposedBy",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "ProposedNote",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "ProposedOutcome",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "Roles",
                table: "credentials");
        }
    }
}
