using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Text.Json;
using Integration.Application.Events;
using Integration.Application.OAuth;
using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Customers;
using Integration.Core.Events;
using Integration.Data;
using Integration.Data.Customers;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Customers;

/// <summary>
/// The customer (CRM) channel (domain.md › Customers): customers addressed by the partner's own id, their personal
/// data encrypted at rest (<see cref="CustomerVault"/>), consents with their history, bulk upserts, the change feed
/// and erasure. Every read and write is under the tenancy filter: another partner's customer does not exist here.
/// Messages never repeat a value sent: a partner's customer id may be a phone number.
/// </summary>
public sealed class CustomerBook(IntegrationDbContext db, EventLog events, CustomerVault vault, BusinessClock clock)
{
    public static readonly IReadOnlyList<string> ChangeTypes = [EventTypes.CustomerCreated, EventTypes.CustomerUpdated, EventTypes.CustomerErased];

    private static readonly DateTimeOffset EarliestConsent = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The most consent statements a customer sends at once: one per purpose.</summary>
    private static readonly int ConsentPurposes = Enum.GetValues<ConsentPurpose>().Length;

    private static readonly HashSet<string> RowMembers = ["externalId", "name", "phone", "email", "address", "consents"];

    private const string ExternalIdIndex = "ux_customers_partner_external_id";
    private const string ExternalIdColumns = "customers.PartnerId, customers.Environment, customers.ExternalId";

    /// <summary>Creates the customer, or replaces it whole; <paramref name="checkIfMatch"/> sees the stored version of an existing one.</summary>
    public async Task<(CustomerView View, bool Created)> UpsertAsync(
        Caller caller, string externalId, CustomerRequest request, Action<int> checkIfMatch, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        ThrowIfAny(RuleErrors(request, now).ToList());
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.ExternalId == externalId, cancellationToken);
        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer
            {
                Id = Ids.New("cus"), PartnerId = caller.PartnerId!, Environment = caller.Environment!.Value, ExternalId = externalId,
                CreatedAt = now, UpdatedAt = now,
            };
            db.Customers.Add(customer);
        }
        else
        {
            checkIfMatch(customer.Version);
            customer.Version++;
            customer.UpdatedAt = now;
        }
        var data = request.ToPersonalData();
        vault.Seal(customer, data);
        var history = created ? [] : await HistoryOf([customer.Id], cancellationToken);
        var added = NewConsents(customer, request.Consents, history, now).ToList();
        db.CustomerConsents.AddRange(added);
        events.Append(customer.PartnerId, customer.Environment, created ? EventTypes.CustomerCreated : EventTypes.CustomerUpdated, customer.Id, ChangeOf(customer), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation(ExternalIdIndex, ExternalIdColumns) || e is DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }
        await transaction.CommitAsync(cancellationToken);
        return (new CustomerView(customer, data, [.. history, .. added]), created);
    }

    public async Task<CustomerView> GetAsync(string externalId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.ExternalId == externalId, cancellationToken) ?? throw NotFound();
        return new CustomerView(customer, vault.Open(customer), await HistoryOf([customer.Id], cancellationToken));
    }

    /// <summary>Your customers, oldest first; erased ones are not listed.</summary>
    public async Task<IReadOnlyList<CustomerView>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking().Where(c => c.ErasedAt == null);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(c => c.CreatedAt >= createdAt && (c.CreatedAt > createdAt || string.Compare(c.Id, id) > 0));
        }
        var customers = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        var history = (await HistoryOf(customers.Select(c => c.Id).ToList(), cancellationToken)).ToLookup(c => c.CustomerId);
        return customers.Select(c => new CustomerView(c, vault.Open(c), history[c.Id].ToList())).ToList();
    }

    public static string CursorOf(CustomerView view) => Cursor.Encode(view.Customer.CreatedAt, view.Customer.Id);

    /// <summary>Every consent statement recorded for the customer, oldest first.</summary>
    public async Task<IReadOnlyList<CustomerConsent>> ConsentHistoryAsync(string externalId, PageRequest page, CancellationToken cancellationToken)
    {
        var customerId = await db.Customers.AsNoTracking().Where(c => c.ExternalId == externalId).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound();
        var query = db.CustomerConsents.AsNoTracking().Where(c => c.CustomerId == customerId);
        if (page.Cursor is not null)
        {
            var (givenAt, id) = Cursor.DecodeTimestampAndId(page.Cursor);
            query = query.Where(c => c.GivenAt >= givenAt && (c.GivenAt > givenAt || string.Compare(c.Id, id) > 0));
        }
        return await query.OrderBy(c => c.GivenAt).ThenBy(c => c.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(CustomerConsent consent) => Cursor.Encode(consent.GivenAt, consent.Id);

    /// <summary>
    /// Forgets the customer for good: its personal data's ciphertext and consents are deleted, your id for it is cleared
    /// here and on its orders, which keep the internal customer id so that its purchases still count (anonymously).
    /// The id is free for a new customer at once. The change feed says <c>erased</c>, with no personal data.
    /// </summary>
    public async Task EraseAsync(string externalId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow();
        await using (var transaction = await db.BeginUnitOfWorkAsync(cancellationToken))
        {
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.ExternalId == externalId, cancellationToken) ?? throw NotFound();
            customer.Erase(now);
            // One statement however many orders: erasure clears the customer's own id on them, set-based.
            await db.Orders.Where(o => o.CustomerId == customer.Id && o.CustomerExternalId != null)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.CustomerExternalId, (string?)null), cancellationToken);
            await db.CustomerConsents.Where(c => c.CustomerId == customer.Id).ExecuteDeleteAsync(cancellationToken);
            await SavedAnswerErasure.ForgetAsync(db, externalId, cancellationToken);
            events.Append(customer.PartnerId, customer.Environment, EventTypes.CustomerErased, customer.Id, ChangeOf(customer), now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await db.ForgetOverwrittenPagesAsync(cancellationToken);
    }

    /// <summary>
    /// Upserts up to 5,000 customers: each row is checked on its own, the good ones are written together (set-based,
    /// see <see cref="SetBasedWrites"/>) and the bad ones reported by index, field and reason.
    /// </summary>
    public async Task<BulkCustomersResponse> BulkUpsertAsync(
        Caller caller, IReadOnlyList<JsonElement> sent, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        // As anywhere else, a member the API does not have refuses the request (a typo is not silently lost).
        var unknown = sent.Take(ContractLimits.BulkCustomerRows).Select((row, i) => (row, i))
            .Where(r => r.row.ValueKind == JsonValueKind.Object && r.row.EnumerateObject().Any(m => !RowMembers.Contains(m.Name)))
            .ToDictionary(r => $"rows[{r.i}]", _ => new[] { "A member a customer row does not have: " + string.Join(", ", RowMembers) + " only." });
        if (unknown.Count > 0)
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "Some rows have members a customer does not have; nothing was applied.", unknown);
        }
        var rows = new BulkCustomerRow?[sent.Count];
        var unreadable = new Dictionary<int, BulkCustomerError>();
        for (var i = 0; i < sent.Count && sent.Count <= ContractLimits.BulkCustomerRows; i++)
        {
            try
            {
                rows[i] = sent[i].ValueKind == JsonValueKind.Object ? sent[i].Deserialize<BulkCustomerRow>(json) : null;
            }
            catch (JsonException e)
            {
                // The path names the member; the message is not repeated (it may quote what was sent).
                unreadable[i] = new BulkCustomerError(e.Path?.TrimStart('$', '.') ?? "", "Not a value of the documented type, or a member the row does not have.");
            }
        }
        if (rows.Length is 0 or > ContractLimits.BulkCustomerRows)
        {
            throw DomainException.Invalid("rows", rows.Length == 0 ? "Send at least one row." : "At most 5,000 rows per request; send the rest in further requests.");
        }
        var now = clock.UtcNow();
        var results = new BulkCustomerResult?[rows.Length];
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            var errors = rows[i] is { } row ? ShapeErrors(row).Concat(RuleErrors(row, now)).ToList()
                : [unreadable.GetValueOrDefault(i) ?? new BulkCustomerError("", "The row is not a customer object.")];
            if (errors.Count == 0 && !firstRowOf.TryAdd(rows[i]!.ExternalId!, i))
            {
                errors.Add(new BulkCustomerError("externalId", $"Same externalId as row {firstRowOf[rows[i]!.ExternalId!]}; send one row per customer."));
            }
            if (errors.Count > 0)
            {
                results[i] = new BulkCustomerResult(i, BulkCustomerResult.Rejected, null, null, errors);
            }
        }
        // Dictionary order is insertion order (nothing is removed): the good rows, in the order sent.
        var good = firstRowOf.Values.ToArray();

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var externalIds = firstRowOf.Keys.ToList();
        // What the write needs of a stored customer, not its ciphertext (replaced whole). "ExternalId != null" first spares
        // the list its null check ("… OR ExternalId IS NULL AND array_position(…)"), which PostgreSQL's generic plan
        // cannot use the index for: each of the partner's customers was compared with all 5,000 ids (0.5 s a request).
        var existing = await db.Customers.AsNoTracking().Where(c => c.ExternalId != null && EF.Parameter(externalIds).Contains(c.ExternalId))
            .Select(c => new Customer
            {
                Id = c.Id, PartnerId = c.PartnerId, Environment = c.Environment, ExternalId = c.ExternalId, Version = c.Version, CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt,
            })
            .ToDictionaryAsync(c => c.ExternalId!, cancellationToken);
        // Only a row with consents compares them with the history.
        var consenting = existing.Values.Where(c => rows[firstRowOf[c.ExternalId!]]!.Consents is { Count: > 0 }).Select(c => c.Id).ToList();
        var history = (consenting.Count == 0 ? []
            : await db.CustomerConsents.AsNoTracking().Where(c => EF.Parameter(consenting).Contains(c.CustomerId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.CustomerId);
        var written = new Customer[good.Length];
        var consents = new List<CustomerConsent>();
        var changes = new List<Core.Events.PartnerEvent>(good.Length);
        for (var j = 0; j < good.Length; j++)
        {
            var i = good[j];
            var row = rows[i]!;
            var customer = existing.GetValueOrDefault(row.ExternalId!);
            if (customer is null)
            {
                customer = new Customer
                {
                    Id = Ids.New("cus"), PartnerId = caller.PartnerId!, Environment = caller.Environment!.Value, ExternalId = row.ExternalId, CreatedAt = now, UpdatedAt = now,
                };
            }
            else
            {
                customer.Version++;
                customer.UpdatedAt = now;
            }
            written[j] = customer;
            consents.AddRange(NewConsents(customer, row.Consents, history[customer.Id], now));
            results[i] = new BulkCustomerResult(i, customer.Version == 1 ? BulkCustomerResult.Created : BulkCustomerResult.Updated, customer.Id, customer.Version, null);
            changes.Add(events.Prepare(customer.PartnerId, customer.Environment, customer.Version == 1 ? EventTypes.CustomerCreated : EventTypes.CustomerUpdated,
                customer.Id, ChangeOf(customer), now));
        }
        // Four encryptions a row, under one data key for the request (one DataProtection call, not 20,000), over the cores.
        using (var batch = vault.NewBatch())
        {
            Parallel.For(0, good.Length, batch.NewCipher, (j, _, cipher) =>
            {
                CustomerVault.Seal(batch, cipher, rows[good[j]]!.ToPersonalData()).WriteTo(written[j]);
                return cipher;
            }, cipher => cipher.Dispose());
        }
        try
        {
            if (await db.UpsertCustomersAsync(written, cancellationToken) != written.Length)
            {
                throw ChangedMeanwhile();
            }
        }
        catch (DbException e) when (e.IsUniqueViolation(ExternalIdIndex, ExternalIdColumns))
        {
            throw ChangedMeanwhile();
        }
        await db.InsertCustomerConsentsAsync(consents, cancellationToken);
        db.AddPreparedEvents(changes);
        await transaction.CommitAsync(cancellationToken);
        var all = results.Select(r => r!).ToList();
        return new BulkCustomersResponse(all.Count(r => r.Status == BulkCustomerResult.Created), all.Count(r => r.Status == BulkCustomerResult.Updated),
            all.Count(r => r.Status == BulkCustomerResult.Rejected), all);
    }

    /// <summary>Your customers' changes after the cursor, in commit order, with the id each customer has now.</summary>
    public async Task<IReadOnlyList<CustomerChangeResponse>> ChangesAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var changes = await events.ListAsync(ChangeTypes, page, cancellationToken);
        var ids = changes.Select(e => e.SubjectId).Distinct().ToList();
        var externalIds = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ExternalId, cancellationToken);
        return changes.Select(e => new CustomerChangeResponse(e.Sequence, e.Type[(e.Type.IndexOf('.') + 1)..], e.SubjectId, externalIds.GetValueOrDefault(e.SubjectId),
            JsonSerializer.Deserialize<CustomerChangeData>(e.Data, ChangeJson)!.Version, e.OccurredAt)).ToList();
    }

    public static string CursorOf(CustomerChangeResponse change) => Cursor.Encode(change.Sequence);

    private static readonly JsonSerializerOptions ChangeJson = new(JsonSerializerDefaults.Web);

    /// <summary>What a change event says: which customer, at which version. Never personal data, nor the partner's id for it.</summary>
    private sealed record CustomerChangeData(string CustomerId, int Version);

    private static CustomerChangeData ChangeOf(Customer customer) => new(customer.Id, customer.Version);

    private async Task<List<CustomerConsent>> HistoryOf(List<string> customerIds, CancellationToken cancellationToken) =>
        await db.CustomerConsents.AsNoTracking().Where(c => customerIds.Contains(c.CustomerId)).OrderBy(c => c.GivenAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    private static IEnumerable<CustomerConsent> NewConsents(Customer customer, IReadOnlyList<ConsentStatement>? statements, IEnumerable<CustomerConsent> history, DateTimeOffset now) =>
        (statements ?? [])
            .Where(s => !history.Any(h => h.Says(s.Purpose!.Value, s.Granted!.Value, s.At!.Value.ToUniversalTime(), s.Source!)))
            .Select(s => new CustomerConsent
            {
                Id = Ids.New("cns"), CustomerId = customer.Id, PartnerId = customer.PartnerId, Environment = customer.Environment, Purpose = s.Purpose!.Value,
                Granted = s.Granted!.Value, GivenAt = s.At!.Value.ToUniversalTime(), Source = s.Source!, RecordedAt = now,
            });

    /// <summary>The attributes' checks, for a bulk row (MVC runs them for a single customer); field names as sent.</summary>
    private static List<BulkCustomerError> ShapeErrors(BulkCustomerRow row)
    {
        if (ShapeIsValid(row))
        {
            return [];
        }
        var errors = Attributes(row, "");
        if (row.Address is { } address)
        {
            errors.AddRange(Attributes(address, "address."));
        }
        // Past the limit the row is refused already (consents: at most 2); its excess items are not checked one by one.
        for (var i = 0; i < Math.Min(row.Consents?.Count ?? 0, ConsentPurposes); i++)
        {
            if (row.Consents![i] is { } consent)
            {
                errors.AddRange(Attributes(consent, $"consents[{i}]."));
            }
            else
            {
                errors.Add(new($"consents[{i}]", "The consent is empty."));
            }
        }
        return errors;
    }

    /// <summary>What <see cref="ShapeErrors"/> checks, without its cost when all is well (almost every row of a bulk).</summary>
    private static bool ShapeIsValid(BulkCustomerRow row)
    {
        if (!AttributeChecks<BulkCustomerRow>.AreMet(row) || (row.Address is { } address && !AttributeChecks<CustomerAddressBody>.AreMet(address)))
        {
            return false;
        }
        for (var i = 0; i < Math.Min(row.Consents?.Count ?? 0, ConsentPurposes); i++)
        {
            if (row.Consents![i] is not { } consent || !AttributeChecks<ConsentStatement>.AreMet(consent))
            {
                return false;
            }
        }
        return true;
    }

    private static List<BulkCustomerError> Attributes(object value, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        return results.ConvertAll(r => new BulkCustomerError(prefix + string.Join(",", r.MemberNames.Select(JsonNamingPolicy.CamelCase.ConvertName)), r.ErrorMessage ?? "Invalid."));
    }

    /// <summary>The rules beyond each field's shape, for a single customer and a bulk row alike.</summary>
    private static IEnumerable<BulkCustomerError> RuleErrors(CustomerRequest request, DateTimeOffset now)
    {
        var consents = request.Consents ?? [];
        for (var i = 0; i < Math.Min(consents.Count, ConsentPurposes); i++)
        {
            if (consents[i]?.At is { } at && (at > now.AddMinutes(5) || at < EarliestConsent))
            {
                yield return new($"consents[{i}].at", "A consent is given between 2000 and now, not in the future.");
            }
            if (consents[i]?.Purpose is { } purpose && consents.Take(i).Any(c => c?.Purpose == purpose))
            {
                yield return new($"consents[{i}].purpose", "One statement per purpose.");
            }
        }
    }

    private static void ThrowIfAny(List<BulkCustomerError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainException(ErrorKind.Validation, "validation_failed", "The customer has invalid fields; `errors` names each.",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()));
        }
    }

    private static DomainException NotFound() =>
        new(ErrorKind.NotFound, "resource_not_found", "You have no customer with this id in this environment.");

    private static DomainException ChangedMeanwhile() =>
        new(ErrorKind.Conflict, "concurrent_update", "The customer changed while this request was applied; nothing was applied. Send it again.");
}
