using Integration.Application.Audit;
using Integration.Application.Paging;
using Integration.Core.Catalog;
using Integration.Core.Common;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Catalog;

/// <summary>The brand's catalogue: internal teams change it, partners read it.</summary>
public sealed class ProductCatalog(IntegrationDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Product> CreateAsync(CreateProductRequest request, string actor, CancellationToken cancellationToken)
    {
        CheckPrice(request.ListPrice);
        var now = clock.UtcNow();
        var product = new Product
        {
            Sku = request.Sku, Name = request.Name.Trim(), ListPrice = request.ListPrice, Currency = request.Currency,
            Active = request.Active, CreatedAt = now, UpdatedAt = now,
        };
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        if (await db.Products.AnyAsync(p => p.Sku == request.Sku, cancellationToken))
        {
            throw new DomainException(ErrorKind.Conflict, "sku_exists", $"A product with SKU '{request.Sku}' already exists.");
        }
        db.Products.Add(product);
        await audit.AppendAsync(new AuditRecord(actor, "product.created", product.Sku, Details: new { product.Name, product.ListPrice, product.Active }), cancellationToken);
        await SaveAsync(product.Sku, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    public async Task<Product> UpdateAsync(Product product, UpdateProductRequest request, string actor, CancellationToken cancellationToken)
    {
        if (request.ListPrice is { } price)
        {
            CheckPrice(price);
            product.ListPrice = price;
        }
        product.Name = request.Name?.Trim() ?? product.Name;
        product.Active = request.Active ?? product.Active;
        product.UpdatedAt = clock.UtcNow();
        product.Version++;
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await audit.AppendAsync(new AuditRecord(actor, "product.updated", product.Sku, Details: request), cancellationToken);
        await SaveAsync(product.Sku, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product;
    }

    public async Task<Product> GetAsync(string sku, CancellationToken cancellationToken) =>
        await Visible.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken)
        ?? throw DomainException.NotFound("product", sku);

    /// <summary>Products in SKU order, keyset-paged by SKU.</summary>
    public async Task<IReadOnlyList<Product>> ListAsync(PageRequest page, bool activeOnly, CancellationToken cancellationToken)
    {
        var query = Visible.AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(p => p.Active);
        }
        if (page.Cursor is not null)
        {
            var after = Cursor.Decode(page.Cursor, 1)[0];
            query = query.Where(p => string.Compare(p.Sku, after) > 0);
        }
        return await query.OrderBy(p => p.Sku).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(Product product) => Cursor.Encode(product.Sku);

    // Sandbox scenario products exist for sandbox callers and internal teams only.
    private IQueryable<Product> Visible =>
        db.TenantPartnerId is not null && db.TenantEnvironment != ApiEnvironment.Sandbox ? db.Products.Where(p => !p.SandboxOnly) : db.Products;

    private static void CheckPrice(decimal price)
    {
        if (!Money.HasAtMostTwoDecimals(price))
        {
            throw DomainException.Invalid("listPrice", "listPrice has at most two decimals.");
        }
    }

    private async Task SaveAsync(string sku, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("PK_products", "products.Sku"))
        {
            throw new DomainException(ErrorKind.Conflict, "sku_exists", $"A product with SKU '{sku}' already exists.");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ErrorKind.PreconditionFailed, "precondition_failed", "The product changed while this update ran. Read it again and retry.");
        }
    }
}
