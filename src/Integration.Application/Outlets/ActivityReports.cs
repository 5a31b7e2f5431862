using Integration.Application.Paging;
using Integration.Core.Common;
using Integration.Core.Outlets;
using Integration.Data;
using Microsoft.EntityFrameworkCore;

namespace Integration.Application.Outlets;

/// <summary>
/// Daily activity reports: per outlet and day, footfall and conversions (domain.md › Partner insights: conversion rate).
/// A report for an outlet and day already reported replaces it, so sending the same day again is safe.
/// </summary>
public sealed class ActivityReports(IntegrationDbContext db, PartnerOutlets outlets, BusinessClock clock)
{
    /// <summary>Reports one outlet's day; true when the day was not reported before.</summary>
    public async Task<(OutletDay Day, bool Created)> ReportAsync(string outletId, DateOnly day, ActivityReportRequest request, CancellationToken cancellationToken)
    {
        var outlet = await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outletId, cancellationToken) ?? throw DomainException.NotFound("outlet", outletId);
        if (ActivityReportRules.Check(outlet, outletId, day, request.Footfall, request.Conversions, outlets.Today) is { } refusal)
        {
            throw refusal.ToException();
        }
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var existing = await db.OutletDays.FirstOrDefaultAsync(d => d.OutletId == outletId && d.Day == day, cancellationToken);
        var reported = Record(existing, outlet, day, request.Footfall, request.Conversions, clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (reported, existing is null);
    }

    /// <summary>
    /// Up to 1,000 outlet days in one transaction: each row is checked on its own and answered in the order sent; the good
    /// rows are stored, the bad ones are reported with their field and reason. A later row for the same outlet and day
    /// replaces an earlier one, as a later call would.
    /// </summary>
    public async Task<BulkResultResponse> ReportManyAsync(IReadOnlyList<ActivityReportRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count is 0 or > ContractLimits.ActivityReportRows)
        {
            throw DomainException.Invalid("reports", rows.Count == 0 ? "Send at least one report." : "At most 1,000 reports per request; split them into several requests.");
        }
        var ids = rows.Select(r => r.OutletId).Where(id => id is not null).Distinct().ToList();
        var known = await db.Outlets.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var today = outlets.Today;
        var results = new List<BulkRowResult>(rows.Count);
        var accepted = new List<ActivityReportRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var refusal = ActivityReportRules.Check(known.GetValueOrDefault(row.OutletId), row.OutletId, row.Day, row.Footfall, row.Conversions, today);
            if (refusal is not null)
            {
                results.Add(BulkRowResult.Rejected(i, refusal.Within($"reports[{i}]")));
                continue;
            }
            results.Add(BulkRowResult.Accepted(i));
            accepted.Add(row);
        }
        if (accepted.Count > 0)
        {
            await StoreAsync(accepted, known, cancellationToken);
        }
        return BulkResultResponse.Of(results);
    }

    private async Task StoreAsync(List<ActivityReportRow> rows, Dictionary<string, Outlet> outletsById, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.OutletId).Distinct().ToList();
        var first = rows.Min(r => r.Day);
        var last = rows.Max(r => r.Day);
        var now = clock.UtcNow();
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var existing = await db.OutletDays.Where(d => ids.Contains(d.OutletId) && d.Day >= first && d.Day <= last)
            .ToDictionaryAsync(d => (d.OutletId, d.Day), cancellationToken);
        foreach (var row in rows)
        {
            existing[(row.OutletId, row.Day)] = Record(existing.GetValueOrDefault((row.OutletId, row.Day)), outletsById[row.OutletId], row.Day, row.Footfall, row.Conversions, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private OutletDay Record(OutletDay? existing, Outlet outlet, DateOnly day, int footfall, int conversions, DateTimeOffset now)
    {
        if (existing is null)
        {
            existing = new OutletDay { OutletId = outlet.Id, Day = day, PartnerId = outlet.PartnerId, Environment = outlet.Environment };
            db.OutletDays.Add(existing);
        }
        existing.Footfall = footfall;
        existing.Conversions = conversions;
        existing.ReportedAt = now;
        return existing;
    }

    /// <summary>One outlet's reported days in a range, oldest day first.</summary>
    public async Task<IReadOnlyList<OutletDay>> ListAsync(string outletId, DayRange range, PageRequest page, CancellationToken cancellationToken)
    {
        if (!await db.Outlets.AnyAsync(o => o.Id == outletId, cancellationToken))
        {
            throw DomainException.NotFound("outlet", outletId);
        }
        CheckRange(range);
        var query = db.OutletDays.AsNoTracking().Where(d => d.OutletId == outletId);
        if (range.From is { } from) query = query.Where(d => d.Day >= from);
        if (range.To is { } to) query = query.Where(d => d.Day <= to);
        if (page.Cursor is not null)
        {
            var after = DayOf(Cursor.Decode(page.Cursor, 1)[0]);
            query = query.Where(d => d.Day > after);
        }
        return await query.OrderBy(d => d.Day).Take(page.Limit + 1).ToListAsync(cancellationToken);
    }

    public static string CursorOf(OutletDay day) => Cursor.Encode(day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A range whose end is before its start is a 400 naming <c>to</c>.</summary>
    public static void CheckRange(DayRange range)
    {
        if (range.From is { } from && range.To is { } to && to < from)
        {
            throw DomainException.Invalid("to", $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).");
        }
    }

    private static DateOnly DayOf(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw DomainException.Invalid("cursor", "The cursor is not one this list returned. Start again without a cursor.");
}
