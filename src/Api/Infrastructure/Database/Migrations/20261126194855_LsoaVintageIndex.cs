using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <inheritdoc />
    public partial class LsoaVintageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_lsoas_vintage",
                table: "lsoas",
                column: "vintage");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_lsoas_vintage",
                table: "lsoas");
        }
    }
}
