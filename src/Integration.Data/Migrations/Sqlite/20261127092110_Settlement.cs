using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Settlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_subsidies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CostMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    SubsidyMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity_subsidies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_activity_subsidies_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disputes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StatementLineId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SlaDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AdjustmentMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disputes_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JournalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DebitMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "period_closes",
                columns: table => new
                {
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Statements = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_closes", x => new { x.Environment, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreditRating = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeliveredTotalMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedTotalMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    NetSalesEarlierInYearMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldAmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountReceivedMinor = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statements_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dispute_history",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DisputeId = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_history", x => new { x.DisputeId, x.Number });
                    table.ForeignKey(
                        name: "FK_dispute_history_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payouts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DisputeId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Sent = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GatewayPayoutId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payouts_statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statement_lines",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StatementId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statement_lines_statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orders_PartnerId_Environment_DeliveredAt",
                table: "orders",
                columns: new[] { "PartnerId", "Environment", "DeliveredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_PartnerId_Environment_ReturnedAt",
                table: "orders",
                columns: new[] { "PartnerId", "Environment", "ReturnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_activity_subsidies_PartnerId_Environment_ApprovedAt",
                table: "activity_subsidies",
                columns: new[] { "PartnerId", "Environment", "ApprovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_PartnerId_Environment_OpenedAt_Id",
                table: "disputes",
                columns: new[] { "PartnerId", "Environment", "OpenedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_PartnerId_Environment_Status_Level",
                table: "disputes",
                columns: new[] { "PartnerId", "Environment", "Status", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_Status_ResolvedAt",
                table: "disputes",
                columns: new[] { "Status", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_Environment_Account",
                table: "ledger_entries",
                columns: new[] { "Environment", "Account" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_JournalId",
                table: "ledger_entries",
                column: "JournalId");

            migrationBuilder.CreateIndex(
                name: "IX_payouts_IdempotencyKey",
                table: "payouts",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payouts_StatementId",
                table: "payouts",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_payouts_Status_NextAttemptAt",
                table: "payouts",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_statement_lines_StatementId",
                table: "statement_lines",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_statements_Environment_Period",
                table: "statements",
                columns: new[] { "Environment", "Period" });

            migrationBuilder.CreateIndex(
                name: "ux_statements_partner_period",
                table: "statements",
                columns: new[] { "PartnerId", "Environment", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_subsidies");

            migrationBuilder.DropTable(
                name: "dispute_history");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "payouts");

            migrationBuilder.DropTable(
                name: "period_closes");

            migrationBuilder.DropTable(
                name: "statement_lines");

            migrationBuilder.DropTable(
                name: "disputes");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropIndex(
                name: "IX_orders_PartnerId_Environment_DeliveredAt",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_PartnerId_Environment_ReturnedAt",
                table: "orders");
        }
    }
}
