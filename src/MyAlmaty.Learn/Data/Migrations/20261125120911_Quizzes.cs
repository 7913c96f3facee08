using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class Quizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuizAttempts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LearnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QuizKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    MaxScore = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_LearnerId_QuizKey",
                table: "QuizAttempts",
                columns: new[] { "LearnerId", "QuizKey" });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_QuizKey_FinishedUtc",
                table: "QuizAttempts",
                columns: new[] { "QuizKey", "FinishedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuizAttempts");
        }
    }
}
