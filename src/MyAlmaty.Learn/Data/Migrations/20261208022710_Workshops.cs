using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyAlmaty.Learn.Data.Migrations
{
    /// <inheritdoc />
    public partial class Workshops : Migration
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

            migrationBuilder.CreateTable(
                name: "InvitationCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkshopKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationCampaigns", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "ScheduledJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopAnnouncements",
                columns: table => new
                {
                    WorkshopKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Venues = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopAnnouncements", x => x.WorkshopKey);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopFacilitators",
                columns: table => new
                {
                    WorkshopKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopFacilitators", x => new { x.WorkshopKey, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "WorkshopRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkshopKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Latin = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedInUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    InvitationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopRegistrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopSeats",
                columns: table => new
                {
                    WorkshopKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSeats", x => x.WorkshopKey);
                });

            migrationBuilder.CreateTable(
                name: "CampaignRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Latin = table.Column<bool>(type: "INTEGER", nullable: false),
                    LanguageGiven = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReasonArgument = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    NameCleaned = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignRecipients_InvitationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "InvitationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkshopKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Latin = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopInvitations_InvitationCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "InvitationCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_CampaignId_Line",
                table: "CampaignRecipients",
                columns: new[] { "CampaignId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_InvitationCampaigns_WorkshopKey",
                table: "InvitationCampaigns",
                column: "WorkshopKey");

            migrationBuilder.CreateIndex(
                name: "IX_MailSuppressions_AddressHash",
                table: "MailSuppressions",
                column: "AddressHash");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_DoneUtc_DueUtc",
                table: "ScheduledJobs",
                columns: new[] { "DoneUtc", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobs_Kind_Key",
                table: "ScheduledJobs",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopFacilitators_UserId",
                table: "WorkshopFacilitators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopInvitations_CampaignId",
                table: "WorkshopInvitations",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopInvitations_WorkshopKey_NormalizedEmail",
                table: "WorkshopInvitations",
                columns: new[] { "WorkshopKey", "NormalizedEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_UserId",
                table: "WorkshopRegistrations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_WorkshopKey_NormalizedEmail",
                table: "WorkshopRegistrations",
                columns: new[] { "WorkshopKey", "NormalizedEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_WorkshopKey_Status_StatusChangedUtc",
                table: "WorkshopRegistrations",
                columns: new[] { "WorkshopKey", "Status", "StatusChangedUtc" });

            // Messages the sender gave up before failures had a column of their own are failed ones.
            migrationBuilder.Sql("UPDATE \"MailOutbox\" SET \"FailedUtc\" = \"CreatedUtc\" WHERE \"SentUtc\" IS NULL AND \"NextAttemptUtc\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignRecipients");

            migrationBuilder.DropTable(
                name: "MailSuppressions");

            migrationBuilder.DropTable(
                name: "ScheduledJobs");

            migrationBuilder.DropTable(
                name: "WorkshopAnnouncements");

            migrationBuilder.DropTable(
                name: "WorkshopFacilitators");

            migrationBuilder.DropTable(
                name: "WorkshopInvitations");

            migrationBuilder.DropTable(
                name: "WorkshopRegistrations");

            migrationBuilder.DropTable(
                name: "WorkshopSeats");

            migrationBuilder.DropTable(
                name: "InvitationCampaigns");

            migrationBuilder.DropColumn(
                name: "AttemptStartedUtc",
                table: "MailOutbox");

            migrationBuilder.DropColumn(
                name: "FailedUtc",
                table: "MailOutbox");
        }
    }
}
