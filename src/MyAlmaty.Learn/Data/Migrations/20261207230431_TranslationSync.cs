using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class TranslationSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceCulture",
                table: "ContentItemVersions",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceVersion",
                table: "ContentItemVersions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceCulture",
                table: "ContentItemVersions");

            migrationBuilder.DropColumn(
                name: "SourceVersion",
                table: "ContentItemVersions");
        }
    }
}
