using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Trading.Compliance;
using Nqba.Server.Modules.Trading.Persistence;

namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>What the paper-trading API and pages read: portfolios valued at the last stored closes, and the blotter.</summary>
internal sealed class PortfolioQueries(TradingDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<PortfolioDto>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Portfolios.AsNoTracking().OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(cancellationToken);
        var list = new List<PortfolioDto>(ids.Count);
        foreach (var id in ids)
        {
            list.Add((await GetAsync(id, cancellationToken))!);
        }

        return list;
    }

    public async Task<PortfolioDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null)
        {
            return null;
        }

        var positions = await db.Positions.AsNoTracking().Where(p => p.PortfolioId == id).ToListAsync(cancellationToken);
        var ids = positions.ConvertAll(p => p.InstrumentId);
        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var rows = new List<PositionDto>();
        foreach (var p in positions)
        {
            var close = OrderDesk.Price(await db.Prices.AsNoTracking().Where(x => x.InstrumentId == p.InstrumentId).OrderByDescending(x => x.Date).Select(x => x.Close).FirstAsync(cancellationToken));
            var value = p.Quantity * close;
            rows.Add(new PositionDto(instruments[p.InstrumentId].Ticker, instruments[p.InstrumentId].Sector, p.Quantity, p.Quantity == 0 ? 0 : Math.Round(p.CostBasis / p.Quantity, 6), close, value, value - p.CostBasis));
        }

        var market = rows.Sum(r => r.MarketValue);
        var deposits = (await db.CashMovements.Where(m => m.PortfolioId == id).Select(m => m.Amount).ToListAsync(cancellationToken)).Sum();
        return new PortfolioDto(portfolio.Id, portfolio.Name, portfolio.OrganizationId, portfolio.Cash, portfolio.InitialCash, market, portfolio.Cash + market,
            portfolio.Cash + market - portfolio.InitialCash - deposits, [.. rows.OrderBy(r => r.Ticker, StringComparer.Ordinal)], portfolio.CreatedAt)
        {
            NetDeposits = deposits,
        };
    }

    /// <summary>
    /// The portfolio's value at every close from its first fill or cash movement to the last stored close of what it
    /// traded (see <see cref="PortfolioPerformance"/>); null when there is no such portfolio.
    /// </summary>
    public async Task<PortfolioPerformance?> PerformanceAsync(Guid id, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null)
        {
            return null;
        }

        var fills = await db.Transactions.AsNoTracking().Where(t => t.PortfolioId == id)
            .Select(t => new { t.Date, t.Ticker, t.Side, t.Quantity, t.Amount }).ToListAsync(cancellationToken);
        var flows = await db.CashMovements.AsNoTracking().Where(m => m.PortfolioId == id).Select(m => new { m.Date, m.Amount }).ToListAsync(cancellationToken);
        var netDeposits = flows.Sum(f => f.Amount);
        if (fills.Count == 0 && flows.Count == 0)
        {
            return new PortfolioPerformance(null, null, 0, null, 0, []);
        }

        var tickers = fills.Select(f => f.Ticker).Distinct(StringComparer.Ordinal).ToList();
        var start = fills.Select(f => f.Date).Concat(flows.Select(f => f.Date)).Min();
        var instruments = await db.Instruments.AsNoTracking().Where(i => tickers.Contains(i.Ticker)).ToDictionaryAsync(i => i.Id, i => i.Ticker, cancellationToken);
        var ids = instruments.Keys.ToList();
        var closes = await db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId) && p.Date >= start)
            .Select(p => new { p.InstrumentId, p.Date, p.Close }).ToListAsync(cancellationToken);
        var byDay = closes.GroupBy(c => c.Date)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => instruments[c.InstrumentId], c => OrderDesk.Price(c.Close), StringComparer.Ordinal));
        var days = byDay.Keys.Concat(fills.Select(f => f.Date)).Concat(flows.Select(f => f.Date)).Distinct().Order().ToList();

        var cash = portfolio.InitialCash;
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var last = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var previous = portfolio.InitialCash;
        var index = 1.0;
        var points = new List<PerformancePoint>(days.Count);
        var fillsOn = fills.ToLookup(f => f.Date);
        var flowOn = flows.GroupBy(f => f.Date).ToDictionary(g => g.Key, g => g.Sum(f => f.Amount));
        foreach (var day in days)
        {
            foreach (var fill in fillsOn[day])
            {
                cash += fill.Amount;
                held[fill.Ticker] = held.GetValueOrDefault(fill.Ticker) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
            }

            var flow = flowOn.GetValueOrDefault(day);
            cash += flow;
            if (byDay.TryGetValue(day, out var prices))
            {
                foreach (var (ticker, close) in prices)
                {
                    last[ticker] = close;
                }
            }

            var value = cash + held.Sum(h => h.Value * last.GetValueOrDefault(h.Key));
            if (previous > 0)
            {
                index *= (double)((value - flow) / previous);
            }

            points.Add(new PerformancePoint(day, Math.Round(value, 4), flow, index));
            previous = value;
        }

        var twr = index - 1;
        double? annualized = points.Count > 1 ? Math.Pow(index, 252.0 / (points.Count - 1)) - 1 : null;
        return new PortfolioPerformance(points[0].Date, points[^1].Date, twr, annualized, netDeposits, points);
    }

    /// <summary>The portfolio's orders, newest first, each with the compliance verdicts the trade record holds for it.</summary>
    public async Task<IReadOnlyList<OrderDto>> OrdersAsync(Guid portfolioId, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking().Where(o => o.PortfolioId == portfolioId).ToListAsync(cancellationToken);
        var checks = (await db.TradeRecord.AsNoTracking().Where(e => e.PortfolioId == portfolioId && e.Kind == "check").Select(e => new { e.OrderId, e.Content }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.OrderId, e => JsonSerializer.Deserialize<CheckContent>(e.Content, Json)?.Checks ?? []);
        return [.. orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Select(o => ToDto(o, checks.GetValueOrDefault(o.Id) ?? []))];
    }

    public async Task<OrderDto?> OrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var content = await db.TradeRecord.AsNoTracking().Where(e => e.OrderId == orderId && e.Kind == "check").Select(e => e.Content).FirstOrDefaultAsync(cancellationToken);
        return ToDto(order, content is null ? [] : JsonSerializer.Deserialize<CheckContent>(content, Json)?.Checks ?? []);
    }

    private static OrderDto ToDto(TradeOrder o, IReadOnlyList<ComplianceCheck> checks) => new(
        o.Id, o.PortfolioId, o.Ticker, o.Side.ToString().ToLowerInvariant(), o.Type.ToString().ToLowerInvariant(), o.Quantity, o.LimitPrice, o.PlacedOn,
        o.Status.ToString().ToLowerInvariant(), o.Reason, o.FillPrice, o.FilledOn, o.CreatedAt, checks);

    private sealed record CheckContent(Guid OrderId, bool Passed, IReadOnlyList<ComplianceCheck> Checks);
}
