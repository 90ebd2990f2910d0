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
        return new PortfolioDto(portfolio.Id, portfolio.Name, portfolio.OrganizationId, portfolio.Cash, portfolio.InitialCash, market, portfolio.Cash + market,
            portfolio.Cash + market - portfolio.InitialCash, [.. rows.OrderBy(r => r.Ticker, StringComparer.Ordinal)], portfolio.CreatedAt);
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
