using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerUsers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartnerId",
                table: "people",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerRole",
                table: "people",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_PartnerId",
                table: "people",
                column: "PartnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_PartnerId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "people");

            migrationBuilder.DropColumn(
                name: "PartnerRole",
                table: "people");
        }
    }
}
