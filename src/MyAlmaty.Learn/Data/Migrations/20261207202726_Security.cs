using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OpenKey",
                table: "QuizAttempts",
                type: "TEXT",
                maxLength: 280,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuthSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.NormalizedEmail);
                });

            // An attempt already open stays open: the newest unfinished one of each learner and quiz.
            migrationBuilder.Sql("""
                UPDATE "QuizAttempts" SET "OpenKey" = "LearnerId" || '|' || "QuizKey"
                WHERE "FinishedUtc" IS NULL AND "Id" = (
                    SELECT a2."Id" FROM "QuizAttempts" a2
                    WHERE a2."LearnerId" = "QuizAttempts"."LearnerId" AND a2."QuizKey" = "QuizAttempts"."QuizKey" AND a2."FinishedUtc" IS NULL
                    ORDER BY a2."StartedUtc" DESC LIMIT 1)
                """);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_OpenKey",
                table: "QuizAttempts",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_ExpiresUtc",
                table: "AuthSessions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_UserId",
                table: "AuthSessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthSessions");

            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_OpenKey",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "OpenKey",
                table: "QuizAttempts");
        }
    }
}
