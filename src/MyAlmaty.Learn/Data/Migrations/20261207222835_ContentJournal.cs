using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContentJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexingTasks");

            migrationBuilder.CreateTable(
                name: "ContentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TranslationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentChanges_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentChanges_ContentItemId",
                table: "ContentChanges",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentChanges_ContentType_TranslationKey_Culture_Id",
                table: "ContentChanges",
                columns: new[] { "ContentType", "TranslationKey", "Culture", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentChanges_CreatedUtc",
                table: "ContentChanges",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ContentChanges_Culture_Id",
                table: "ContentChanges",
                columns: new[] { "Culture", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentChanges");

            migrationBuilder.CreateTable(
                name: "IndexingTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TranslationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexingTasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexingTasks_CreatedUtc",
                table: "IndexingTasks",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_IndexingTasks_Culture_Id",
                table: "IndexingTasks",
                columns: new[] { "Culture", "Id" });
        }
    }
}
