using System.Globalization;
using CsvHelper;
using Integration.Api.Paging;
using Integration.Core.Common;

namespace Integration.Api.Settlement;

/// <summary>
/// A statement as CSV for a partner's accounting system: one row per line (<c>record=line</c>), then one
/// row per order behind it (<c>record=order</c>). Amounts are plain decimals with two places, partner's side.
/// </summary>
public sealed class StatementExport(Statements statements)
{
    private const int OrdersPerRead = 100;

    public async Task WriteAsync(StatementView view, Stream body, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, options: null, leaveOpen: true);
        await csv.WriteRecordAsync(["record", "statement_id", "period", "number", "kind", "description", "order_id", "reference", "occurred_at", "amount", "currency"], cancellationToken);

        var statementId = view.Closed?.Id ?? "";
        var response = view.Closed is { } closed ? StatementResponse.Closed(closed, view.Payouts, "") : StatementResponse.Preview(view.Preview!, "");
        foreach (var line in response.Lines)
        {
            await csv.WriteRecordAsync(["line", statementId, response.Period, line.Number.ToString(CultureInfo.InvariantCulture), SnakeCase.Of(line.Kind),
                line.Description, "", "", "", line.Amount.Amount, line.Amount.Currency], cancellationToken);
        }
        var page = new PageQuery { Limit = OrdersPerRead };
        while (true)
        {
            var rows = await statements.OrdersAsync(view, page, cancellationToken);
            foreach (var order in rows.Take(OrdersPerRead))
            {
                await csv.WriteRecordAsync(["order", statementId, response.Period, "", SnakeCase.Of(order.Kind), "", order.OrderId, order.Reference,
                    order.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), order.Amount.Amount, order.Amount.Currency],
                    cancellationToken);
            }
            if (rows.Count <= OrdersPerRead)
            {
                break;
            }
            page.Cursor = Statements.CursorOf(rows[OrdersPerRead - 1]);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
