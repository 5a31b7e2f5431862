using System.Linq.Expressions;
using Integration.Core.Agreements;
using Integration.Core.Audit;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Core.Credentials;
using Integration.Core.Disputes;
using Integration.Core.Idempotency;
using Integration.Core.Onboarding;
using Integration.Core.Inventory;
using Integration.Core.Orders;
using Integration.Core.Events;
using Integration.Core.Partners;
using Integration.Core.Reminders;
using Integration.Core.RequestLog;
using Integration.Core.Sandbox;
using Integration.Core.Settlement;
using Integration.Core.Webhooks;
using Integration.Data.Conventions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Integration.Data;

/// <summary>
/// The platform's one database. Each provider has a subclass only so that it can carry its own
/// migrations (<see cref="SqliteIntegrationDbContext"/>, <see cref="PostgresIntegrationDbContext"/>).
/// </summary>
public abstract class IntegrationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<LiveCredentialRequest> LiveCredentialRequests => Set<LiveCredentialRequest>();
    public DbSet<People.Person> People => Set<People.Person>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
    public DbSet<AuditAnchor> AuditAnchors => Set<AuditAnchor>();
    /// <summary>Created by the platform's migrations; read and written through <see cref="DataProtectionKeyStore"/>.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<PartnerEvent> Events => Set<PartnerEvent>();
    public DbSet<EventStream> EventStreams => Set<EventStream>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<BrandStock> BrandStock => Set<BrandStock>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Core.Outlets.Outlet> Outlets => Set<Core.Outlets.Outlet>();
    public DbSet<Core.Outlets.OutletDay> OutletDays => Set<Core.Outlets.OutletDay>();
    public DbSet<Core.Outlets.PromotionEvent> PromotionEvents => Set<Core.Outlets.PromotionEvent>();
    public DbSet<Core.Customers.Customer> Customers => Set<Core.Customers.Customer>();
    public DbSet<Core.Insights.SalesDay> SalesDays => Set<Core.Insights.SalesDay>();
    public DbSet<Core.Insights.SkuSalesDay> SkuSalesDays => Set<Core.Insights.SkuSalesDay>();
    public DbSet<Core.Insights.CustomerDay> CustomerDays => Set<Core.Insights.CustomerDay>();
    public DbSet<Core.Insights.SalesMonth> SalesMonths => Set<Core.Insights.SalesMonth>();
    public DbSet<Core.Customers.CustomerConsent> CustomerConsents => Set<Core.Customers.CustomerConsent>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<Core.Insights.StockSnapshot> StockSnapshots => Set<Core.Insights.StockSnapshot>();
    public DbSet<Core.Insights.PerformanceGrade> PerformanceGrades => Set<Core.Insights.PerformanceGrade>();
    public DbSet<Core.Ratings.RatingProposal> RatingProposals => Set<Core.Ratings.RatingProposal>();

    /// <summary>Involve two partners, so not under the one-partner tenancy filter: <c>TransferDesk</c> filters by party.</summary>
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<StockImport> StockImports => Set<StockImport>();
    public DbSet<StockImportChunk> StockImportChunks => Set<StockImportChunk>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<PeriodClose> PeriodCloses => Set<PeriodClose>();

    /// <summary>The brand's books across partners: read by internal teams only, never through the partner API.</summary>
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<ActivitySubsidy> ActivitySubsidies => Set<ActivitySubsidy>();
    public DbSet<Payout> Payouts => Set<Payout>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<SandboxWorld> SandboxWorlds => Set<SandboxWorld>();
    public DbSet<SandboxSnapshot> SandboxSnapshots => Set<SandboxSnapshot>();
    public DbSet<SimulatorCall> SimulatorCalls => Set<SimulatorCall>();
    public DbSet<LoggedRequest> RequestLog => Set<LoggedRequest>();
    public DbSet<ClockAdvance> ClockAdvances => Set<ClockAdvance>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>Not partner-owned rows under the tenancy filter: an application exists before its partner. <c>Applications</c> filters by the caller's partner.</summary>
    public DbSet<PartnerApplication> PartnerApplications => Set<PartnerApplication>();
    public DbSet<QualificationDocument> QualificationDocuments => Set<QualificationDocument>();

    /// <summary>
    /// The partner whose data this unit of work may see, or null for internal work (admin API,
    /// background jobs), which must read partner-owned rows through <see cref="Visible{T}"/>.
    /// Set once when the context is handed out (<see cref="StorageRegistration"/>).
    /// </summary>
    public string? TenantPartnerId { get; private set; }

    public ApiEnvironment TenantEnvironment { get; private set; }

    /// <summary>This context's place in the in-process writer queue of its database (SQLite only; null on PostgreSQL).</summary>
    public virtual WriterTurn? WriterTurn => null;

    /// <summary>The request's <see cref="Data.WriteScope"/> while one is open: the action's commit waits for the request's writes.</summary>
    public WriteScope? WriteScope { get; internal set; }

    /// <summary>Where this host hears that events were committed; set when the context is leased.</summary>
    internal CommittedEvents? CommittedEvents { get; set; }

    /// <summary>Events of the open transaction, numbered just before it commits.</summary>
    public UnsequencedEvents UnsequencedEvents { get; } = new();

    public void ScopeTo(string? partnerId, ApiEnvironment environment)
    {
        TenantPartnerId = partnerId;
        TenantEnvironment = environment;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntegrationDbContext).Assembly);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IPartnerOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned()))
        {
            entity.SetQueryFilter(TenancyFilter(entity.ClrType));
        }
    }

    /// <summary>
    /// The rows of <typeparamref name="T"/> this unit of work may see: a partner's own rows in its
    /// environment, or, for internal work (no tenant), every partner's. Plain <c>Set&lt;T&gt;()</c> in an
    /// internal unit of work sees nothing: cross-partner reads must say so by using this.
    /// </summary>
    public IQueryable<T> Visible<T>() where T : class, IPartnerOwned =>
        TenantPartnerId is null ? Set<T>().IgnoreQueryFilters() : Set<T>();

    // row => row.PartnerId == TenantPartnerId && row.Environment == TenantEnvironment. Kept free of
    // "OR tenant IS NULL", so the databases can use the (PartnerId, Environment, …) indexes.
    private LambdaExpression TenancyFilter(Type type)
    {
        var row = Expression.Parameter(type, "row");
        var context = Expression.Constant(this);
        var body = Expression.AndAlso(
            Expression.Equal(Expression.Property(row, nameof(IPartnerOwned.PartnerId)), Expression.Property(context, nameof(TenantPartnerId))),
            Expression.Equal(Expression.Property(row, nameof(IPartnerOwned.Environment)), Expression.Property(context, nameof(TenantEnvironment))));
        return Expression.Lambda(body, row);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreEnumsAsSnakeCaseStrings(typeof(Partner).Assembly);
    }
}
