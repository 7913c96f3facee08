using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class MailPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AttemptStartedUtc",
                table: "MailOutbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedUtc",
                table: "MailOutbox",
                type: "TEXT",
                nullable: true);

            // Messages given up before this column existed: when is not known, so their creation time stands in.
            migrationBuilder.Sql("UPDATE \"MailOutbox\" SET \"FailedUtc\" = \"CreatedUtc\" WHERE \"SentUtc\" IS NULL AND \"NextAttemptUtc\" IS NULL;");

            migrationBuilder.CreateTable(
                name: "MailSuppressions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailSuppressions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailSuppressions_AddressHash",
                table: "MailSuppressions",
                column: "AddressHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailSuppressions");

            migrationBuilder.DropColumn(
                name: "AttemptStartedUtc",
                table: "MailOutbox");

            migrationBuilder.DropColumn(
                name: "FailedUtc",
                table: "MailOutbox");
        }
    }
}
