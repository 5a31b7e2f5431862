using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SandboxResetAndResumedAdvances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SimulatorCallsFrom",
                table: "sandbox_worlds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "RanSoFar",
                table: "sandbox_clock_advances",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SimulatorCallsFrom",
                table: "sandbox_worlds");

            migrationBuilder.DropColumn(
                name: "RanSoFar",
                table: "sandbox_clock_advances");
        }
    }
}
