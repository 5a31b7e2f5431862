using System.Globalization;
using CsvHelper;
using Integration.Application.Hosting;
using Integration.Application.Paging;
using Integration.Core.Common;

namespace Integration.Application.Settlement;

/// <summary>
/// A statement as CSV for a partner's accounting system: one row per line (<c>record=line</c>), then one
/// row per order behind it (<c>record=order</c>). Amounts are plain decimals with two places, partner's side.
/// </summary>
public sealed class StatementExport(Statements statements)
{
    private const int OrdersPerRead = 100;

    // Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading ' (OWASP); numbers are written as numbers.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public async Task WriteAsync(StatementView view, Stream body, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(["record", "statement_id", "period", "number", "kind", "description", "order_id", "reference", "occurred_at", "amount", "currency"], cancellationToken);

        var statementId = view.Closed?.Id ?? "";
        var response = view.Closed is { } closed ? StatementResponse.Closed(closed, view.Payouts, "") : StatementResponse.Preview(view.Preview!, "");
        foreach (var line in response.Lines)
        {
            WriteText(csv, "line", statementId, response.Period);
            csv.WriteField(line.Number, default);
            WriteText(csv, SnakeCase.Of(line.Kind), line.Description, "", "", "");
            await EndWithAmountAsync(csv, line.Amount, cancellationToken);
        }
        var page = new PageRequest { Limit = OrdersPerRead };
        while (true)
        {
            var rows = await statements.OrdersAsync(view, page, cancellationToken);
            foreach (var order in rows.Take(OrdersPerRead))
            {
                WriteText(csv, "order", statementId, response.Period, "", SnakeCase.Of(order.Kind), "", order.OrderId, order.Reference,
                    order.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                await EndWithAmountAsync(csv, order.Amount, cancellationToken);
            }
            if (rows.Count <= OrdersPerRead)
            {
                break;
            }
            page.Cursor = Statements.CursorOf(rows[OrdersPerRead - 1]);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteText(CsvWriter csv, params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            csv.WriteField(value);
        }
    }

    /// <summary>The amount as a number (a negative one stays a number), its currency, and the end of the record.</summary>
    private static async Task EndWithAmountAsync(CsvWriter csv, MoneyAmount amount, CancellationToken cancellationToken)
    {
        csv.WriteField(decimal.Parse(amount.Amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), default);
        csv.WriteField(amount.Currency);
        await csv.EndRecordAsync(cancellationToken);
    }
}
