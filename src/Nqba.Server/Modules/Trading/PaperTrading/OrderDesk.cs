using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Trading.Compliance;
using Nqba.Server.Modules.Trading.Persistence;
using Nqba.Server.Modules.Trading.TradeRecord;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>
/// Paper trading: portfolios are opened with cash; an order is checked by the pre-trade rules, then filled at the
/// next stored close after the day it is placed on (a limit order only when that close is at or better than its
/// limit). The order, the checks' verdicts and the fill are appended to the trade record in the order's transaction.
/// </summary>
internal sealed class OrderDesk(TradingDbContext db, TradeRecordChain record, IClientDirectory clients, IOptions<TradingOptions> options, TimeProvider time)
{
    private const int Attempts = 8;

    public async Task<Result<Guid>> CreatePortfolioAsync(CreatePortfolioRequest request, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }

        if (request.Cash is not { } cash || cash <= 0 || cash > 1_000_000_000_000m)
        {
            errors["cash"] = ["The starting cash must be positive."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        if (request.OrganizationId is { } organization && await clients.FindAsync(organization, cancellationToken) is null)
        {
            return Error.Validation("organizationId", $"There is no client organization '{organization}'.");
        }

        var portfolio = new TradingPortfolio
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            OrganizationId = request.OrganizationId,
            Cash = request.Cash!.Value,
            InitialCash = request.Cash.Value,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = user?.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.Portfolios.Add(portfolio);
        await db.SaveChangesAsync(cancellationToken);
        return portfolio.Id;
    }

    /// <summary>
    /// Pays cash in (positive) or takes it out (negative) at a day's close; a withdrawal cannot exceed the cash held.
    /// Appended to the trade record in the same transaction (kind <c>cash</c>).
    /// </summary>
    public async Task<Result<Guid>> MoveCashAsync(Guid portfolioId, MoveCashRequest request, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (request.Amount is not { } amount || amount == 0 || Math.Abs(amount) > 1_000_000_000_000m)
        {
            return Error.Validation("amount", "amount must be a non-zero sum: positive pays in, negative takes out.");
        }

        return await WithRetriesAsync(() => MoveCashOnceAsync(portfolioId, amount, request.Date, user, cancellationToken));
    }

    private async Task<Result<Guid>> MoveCashOnceAsync(Guid portfolioId, decimal amount, DateOnly? day, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var portfolio = await db.Portfolios.FirstOrDefaultAsync(p => p.Id == portfolioId, cancellationToken);
        if (portfolio is null)
        {
            return Error.NotFound("Portfolio", portfolioId);
        }

        if (portfolio.Cash + amount < 0)
        {
            return Error.Validation("amount", $"The portfolio holds {portfolio.Cash.ToString("N2", CultureInfo.InvariantCulture)} in cash; a withdrawal cannot take more.");
        }

        var date = day ?? await db.Prices.MaxAsync(p => (DateOnly?)p.Date, cancellationToken) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var now = time.GetUtcNow().UtcDateTime;
        var movement = new CashMovement
        {
            Id = Guid.CreateVersion7(),
            PortfolioId = portfolio.Id,
            Date = date,
            Amount = amount,
            CreatedAt = now,
            CreatedBy = user?.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        portfolio.Cash += amount;
        portfolio.Version++;
        db.CashMovements.Add(movement);
        await record.AppendAsync("cash", portfolio.Id, movement.Id, new { MovementId = movement.Id, Amount = amount, Date = Day(date), Cash = portfolio.Cash }, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return movement.Id;
    }

    public async Task<Result<Guid>> PlaceAsync(Guid portfolioId, PlaceOrderRequest request, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var errors = Validate(request, out var side, out var type);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        return await WithRetriesAsync(() => PlaceOnceAsync(portfolioId, request, side, type, user, cancellationToken));
    }

    /// <summary>
    /// Runs one write to a portfolio from a clean context, again when another write took the trade record's next
    /// sequence number or changed the portfolio first (<see cref="TradingPortfolio.Version"/>).
    /// </summary>
    private async Task<Result<Guid>> WithRetriesAsync(Func<Task<Result<Guid>>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            record.Reset();
            try
            {
                return await write();
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Start again on the state the other writer left.
            }
        }
    }

    private async Task<Result<Guid>> PlaceOnceAsync(Guid portfolioId, PlaceOrderRequest request, OrderSide side, OrderType type, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var portfolio = await db.Portfolios.FirstOrDefaultAsync(p => p.Id == portfolioId, cancellationToken);
        if (portfolio is null)
        {
            return Error.NotFound("Portfolio", portfolioId);
        }

        var ticker = request.Ticker!.Trim();
        var instrument = await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Ticker == ticker, cancellationToken);
        if (instrument is null)
        {
            return Error.Validation("ticker", $"Unknown ticker '{ticker}'.");
        }

        var date = request.Date ?? await db.Prices.Where(p => p.InstrumentId == instrument.Id).OrderByDescending(p => p.Date).Select(p => p.Date).Skip(1).FirstOrDefaultAsync(cancellationToken);
        var known = await db.Prices.AsNoTracking().Where(p => p.InstrumentId == instrument.Id && p.Date <= date).OrderByDescending(p => p.Date).FirstOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            return Error.Validation("date", $"{ticker} has no price on or before {date:yyyy-MM-dd}.");
        }

        var next = await db.Prices.AsNoTracking().Where(p => p.InstrumentId == instrument.Id && p.Date > date).OrderBy(p => p.Date).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        // Every order, filled or not, was checked against this state of the portfolio: claim it (see TradingPortfolio.Version).
        portfolio.Version++;
        var order = new TradeOrder
        {
            Id = Guid.CreateVersion7(),
            PortfolioId = portfolio.Id,
            Ticker = ticker,
            Side = side,
            Type = type,
            Quantity = request.Quantity!.Value,
            LimitPrice = request.LimitPrice,
            PlacedOn = date,
            CreatedAt = now,
            CreatedBy = user?.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        await record.AppendAsync("order", portfolio.Id, order.Id, new
        {
            order.Id,
            order.PortfolioId,
            order.Ticker,
            Side = Name(side),
            Type = Name(type),
            order.Quantity,
            order.LimitPrice,
            PlacedOn = Day(date),
            order.CreatedBy,
        }, now, cancellationToken);

        // Everything valued at the last close known on the order's day: no look-ahead.
        var positions = await db.Positions.Where(p => p.PortfolioId == portfolio.Id).ToListAsync(cancellationToken);
        var ids = positions.ConvertAll(p => p.InstrumentId);
        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var values = new Dictionary<int, decimal>();
        foreach (var p in positions)
        {
            var close = await db.Prices.AsNoTracking().Where(x => x.InstrumentId == p.InstrumentId && x.Date <= date).OrderByDescending(x => x.Date).Select(x => (double?)x.Close).FirstOrDefaultAsync(cancellationToken);
            values[p.InstrumentId] = p.Quantity * Price(close ?? 0);
        }

        var lossSales = await db.Transactions.AsNoTracking()
            .Where(t => t.PortfolioId == portfolio.Id && t.Ticker == ticker && t.Side == OrderSide.Sell && t.Date <= date)
            .Select(t => new { t.Date, t.RealizedPnl }).ToListAsync(cancellationToken);
        var context = new PreTradeCompliance.Context(
            ticker, instrument.Sector, side == OrderSide.Buy, order.Quantity, Price(known.Close), date,
            portfolio.Cash + values.Values.Sum(),
            values.GetValueOrDefault(instrument.Id),
            instrument.Sector is null ? 0 : values.Where(v => instruments[v.Key].Sector == instrument.Sector).Sum(v => v.Value),
            lossSales.Where(s => s.RealizedPnl < 0).Select(s => (DateOnly?)s.Date).Max());
        var checks = PreTradeCompliance.Evaluate(context, options.Value.Compliance);
        await record.AppendAsync("check", portfolio.Id, order.Id, new { OrderId = order.Id, Passed = checks.All(c => !c.Blocks), Checks = checks }, now, cancellationToken);

        var held = positions.FirstOrDefault(p => p.InstrumentId == instrument.Id);
        var blockedBy = checks.FirstOrDefault(c => c.Blocks)?.Rule;
        if (checks.FirstOrDefault(c => c.Blocks) is { } failed)
        {
            order.Status = OrderStatus.Rejected;
            order.Reason = failed.Reason;
        }
        else if (next is null)
        {
            order.Status = OrderStatus.Unfilled;
            order.Reason = $"No close of {ticker} after {Day(date)} is stored yet.";
        }
        else if (type == OrderType.Limit && (side == OrderSide.Buy ? Price(next.Close) > order.LimitPrice : Price(next.Close) < order.LimitPrice))
        {
            order.Status = OrderStatus.Unfilled;
            order.Reason = $"The next close {Price(next.Close).ToString(CultureInfo.InvariantCulture)} on {Day(next.Date)} did not reach the limit {order.LimitPrice!.Value.ToString(CultureInfo.InvariantCulture)}.";
        }
        else
        {
            var price = Price(next.Close);
            var amount = order.Quantity * price;
            if (side == OrderSide.Buy && amount > portfolio.Cash)
            {
                blockedBy = "cash";
                order.Status = OrderStatus.Rejected;
                order.Reason = $"Not enough cash: the fill costs {amount.ToString("N2", CultureInfo.InvariantCulture)}, the portfolio has {portfolio.Cash.ToString("N2", CultureInfo.InvariantCulture)}.";
            }
            else if (side == OrderSide.Sell && (held?.Quantity ?? 0) < order.Quantity)
            {
                blockedBy = "holdings";
                order.Status = OrderStatus.Rejected;
                order.Reason = $"The portfolio holds {(held?.Quantity ?? 0).ToString(CultureInfo.InvariantCulture)} {ticker}; short sales are not allowed.";
            }
            else
            {
                Fill(portfolio, order, held, instrument.Id, price, next.Date);
                if (checks.Where(c => c.Warning).Select(c => c.Reason).ToList() is { Count: > 0 } warnings)
                {
                    order.Reason = "Warning: " + string.Join(" ", warnings);
                }

                await record.AppendAsync("fill", portfolio.Id, order.Id, new { OrderId = order.Id, Price = price, Date = Day(next.Date), Quantity = order.Quantity, Cash = portfolio.Cash }, now, cancellationToken);
            }
        }

        if (order.Status != OrderStatus.Filled)
        {
            await record.AppendAsync("outcome", portfolio.Id, order.Id, new { OrderId = order.Id, Status = order.Status.ToString().ToLowerInvariant(), order.Reason }, now, cancellationToken);
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order.Status == OrderStatus.Rejected ? Blocked(order, blockedBy!) : order.Id;
    }

    /// <summary>A rejected order (kept on the blotter and in the trade record) as the 409 problem its caller gets.</summary>
    private static Error Blocked(TradeOrder order, string rule) => new(
        "order_blocked", "Order blocked", order.Reason!, StatusCodes.Status409Conflict,
        new Dictionary<string, string[]> { [rule] = [order.Reason!], ["orderId"] = [order.Id.ToString()] });

    private void Fill(TradingPortfolio portfolio, TradeOrder order, Position? held, int instrumentId, decimal price, DateOnly date)
    {
        var amount = order.Quantity * price;
        decimal? realized = null;
        if (order.Side == OrderSide.Buy)
        {
            portfolio.Cash -= amount;
            if (held is null)
            {
                db.Positions.Add(new Position { PortfolioId = portfolio.Id, InstrumentId = instrumentId, Quantity = order.Quantity, CostBasis = amount });
            }
            else
            {
                held.Quantity += order.Quantity;
                held.CostBasis += amount;
            }
        }
        else
        {
            var cost = held!.CostBasis * order.Quantity / held.Quantity;
            realized = amount - cost;
            portfolio.Cash += amount;
            held.Quantity -= order.Quantity;
            held.CostBasis -= cost;
            if (held.Quantity == 0)
            {
                db.Positions.Remove(held);
            }
        }

        order.Status = OrderStatus.Filled;
        order.FillPrice = price;
        order.FilledOn = date;
        db.Transactions.Add(new TradeTransaction
        {
            Id = Guid.CreateVersion7(),
            PortfolioId = portfolio.Id,
            OrderId = order.Id,
            Ticker = order.Ticker,
            Side = order.Side,
            Quantity = order.Quantity,
            Price = price,
            Amount = order.Side == OrderSide.Buy ? -amount : amount,
            RealizedPnl = realized,
            Date = date,
        });
    }

    private static Dictionary<string, string[]> Validate(PlaceOrderRequest request, out OrderSide side, out OrderType type)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        side = OrderSide.Buy;
        type = OrderType.Market;
        if (string.IsNullOrWhiteSpace(request.Ticker))
        {
            errors["ticker"] = ["A ticker is required."];
        }

        if (!Enum.TryParse(request.Side, ignoreCase: true, out side) || int.TryParse(request.Side, out _))
        {
            errors["side"] = ["side is buy or sell."];
        }

        if (!Enum.TryParse(request.Type ?? "market", ignoreCase: true, out type) || int.TryParse(request.Type, out _))
        {
            errors["type"] = ["type is market or limit."];
        }

        if (request.Quantity is not { } quantity || quantity <= 0 || quantity != decimal.Truncate(quantity) || quantity > 1_000_000_000m)
        {
            errors["quantity"] = ["quantity is a positive whole number of shares."];
        }

        if (type == OrderType.Limit && request.LimitPrice is not > 0)
        {
            errors["limitPrice"] = ["A limit order needs a positive limitPrice."];
        }

        return errors;
    }

    /// <summary>A stored close as money (6 decimals, as the prices are quoted).</summary>
    internal static decimal Price(double close) => Math.Round((decimal)close, 6);

    private static string Name(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    private static string Name(OrderType type) => type == OrderType.Market ? "market" : "limit";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
