using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Integration.Data.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EventName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CostMinor = table.Column<long>(type: "bigint", nullable: false),
                    SubsidyMinor = table.Column<long>(type: "bigint", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OrderId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatementId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatementLineId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Assignee = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SlaDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AdjustmentMinor = table.Column<long>(type: "bigint", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JournalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Account = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DebitMinor = table.Column<long>(type: "bigint", nullable: false),
                    CreditMinor = table.Column<long>(type: "bigint", nullable: false),
                    Memo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "period_closes",
                columns: table => new
                {
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Statements = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_closes", x => new { x.Environment, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreditRating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeliveredTotalMinor = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedTotalMinor = table.Column<long>(type: "bigint", nullable: false),
                    DeliveredOrders = table.Column<int>(type: "integer", nullable: false),
                    ReturnedOrders = table.Column<int>(type: "integer", nullable: false),
                    NetSalesEarlierInYearMinor = table.Column<long>(type: "bigint", nullable: false),
                    BalanceMinor = table.Column<long>(type: "bigint", nullable: false),
                    HeldAmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AmountReceivedMinor = table.Column<long>(type: "bigint", nullable: false)
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
                    Number = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisputeId = table.Column<string>(type: "character varying(40)", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: true)
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
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Environment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StatementId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DisputeId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Sent = table.Column<bool>(type: "boolean", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GatewayPayoutId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StatementId = table.Column<string>(type: "character varying(40)", nullable: false)
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
