using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class TitleKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "TitleKey",
                table: "ContentItemVersions",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_ContentItemId_Published",
                table: "ContentItemVersions",
                columns: new[] { "ContentItemId", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_Latest_CreatedUtc",
                table: "ContentItemVersions",
                columns: new[] { "Latest", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_Latest_TitleKey",
                table: "ContentItemVersions",
                columns: new[] { "Latest", "TitleKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItemVersions_ContentItemId_Published",
                table: "ContentItemVersions");

            migrationBuilder.DropIndex(
                name: "IX_ContentItemVersions_Latest_CreatedUtc",
                table: "ContentItemVersions");

            migrationBuilder.DropIndex(
                name: "IX_ContentItemVersions_Latest_TitleKey",
                table: "ContentItemVersions");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "ContentItemVersions");
        }
    }
}
