using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSandboxSimulatorCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sandbox_simulator_calls",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Simulator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Mode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestBody = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ResponseBody = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sandbox_simulator_calls", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_simulator_calls_At",
                table: "sandbox_simulator_calls",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_sandbox_simulator_calls_PartnerId_Simulator_At_Id",
                table: "sandbox_simulator_calls",
                columns: new[] { "PartnerId", "Simulator", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sandbox_simulator_calls");
        }
    }
}
