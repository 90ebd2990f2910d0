using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Modules.Trading.TradeRecord;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Trading.PaperTrading;

internal static class PaperTradingEndpoints
{
    public static IEndpointRouteBuilder MapPaperTradingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/trading").WithTags("Trading").RequireAuthorization(NqbaPolicies.Trading);

        group.MapGet("/portfolios", ListPortfolios)
            .WithName("ListTradingPortfolios")
            .WithSummary("Paper portfolios valued at the last stored closes.");

        group.MapPost("/portfolios", CreatePortfolio)
            .WithName("CreateTradingPortfolio")
            .WithSummary("Opens a paper portfolio with a name, starting cash and optionally the client organization it is managed for.");

        group.MapGet("/portfolios/{id:guid}", GetPortfolio)
            .WithName("GetTradingPortfolio")
            .WithSummary("A portfolio: cash, positions with average cost, last close, market value and unrealized P&L; total P&L since it opened.");

        group.MapGet("/portfolios/{id:guid}/orders", ListOrders)
            .WithName("ListTradingOrders")
            .WithSummary("The portfolio's orders (the blotter), newest first, each with every compliance rule's verdict.");

        group.MapPost("/portfolios/{id:guid}/orders", PlaceOrder)
            .WithName("PlaceTradingOrder")
            .WithSummary("Places a market or limit order as of a trading day. Pre-trade compliance (restricted list, maximum order size, maximum position and sector weight, wash trades) runs first: a blocked order is kept and answered with 409 naming the rule and the reason. Otherwise it fills at the next stored close (a limit order only at or better than its limit). Order, checks and fill go to the hash-chained trade record.");

        group.MapPost("/portfolios/{id:guid}/cash", MoveCash)
            .WithName("MoveTradingCash")
            .WithSummary("Pays cash into (positive amount) or takes it out of (negative) a portfolio at a day's close (default the last stored day). An external flow: it changes the value, not the time-weighted return. Kept in the trade record.");

        group.MapGet("/portfolios/{id:guid}/performance", GetPerformance)
            .WithName("GetTradingPerformance")
            .WithSummary("The portfolio's value at every close from its first activity, with each day's deposits or withdrawals, and its time-weighted return (daily returns net of flows, chained; annualized over 252 trading days).");

        group.MapGet("/record/verify", VerifyRecord)
            .WithName("VerifyTradeRecord")
            .WithSummary("Recomputes the trade record's hash chain and reports whether it is intact, or the first broken entry and why.");

        group.MapGet("/record/export", ExportRecord)
            .WithName("ExportTradeRecord")
            .WithSummary("The trade record as CSV for FINRA-style review: sequence, kind, recorded_at, portfolio_id, order_id, content (canonical JSON), previous_hash and hash per entry, in order; optional from/to (yyyy-MM-dd, UTC days) and portfolio. The X-Trade-Record-Intact header says whether the whole chain verified when the file was made (X-Trade-Record-Broken-At names the first broken entry).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        return app;
    }

    private static async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> MoveCash(Guid id, MoveCashRequest request, OrderDesk desk, PortfolioQueries portfolios, ClaimsPrincipal user, CancellationToken ct)
    {
        var moved = await desk.MoveCashAsync(id, request, user, ct);
        return moved.Succeeded ? TypedResults.Ok((await portfolios.GetAsync(id, ct))!) : moved.Error.ToProblem();
    }

    private static async Task<Results<Ok<PortfolioPerformance>, ProblemHttpResult>> GetPerformance(Guid id, PortfolioQueries portfolios, CancellationToken ct) =>
        await portfolios.PerformanceAsync(id, ct) is { } performance ? TypedResults.Ok(performance) : Error.NotFound("Portfolio", id).ToProblem();

    private static async Task<IResult> ExportRecord(DateOnly? from, DateOnly? to, Guid? portfolio, TradeRecordChain record, HttpContext context, CancellationToken ct)
    {
        if (from is { } start && to is { } end && end < start)
        {
            return Error.Validation("to", "to must be on or after from.").ToProblem();
        }

        var verification = await record.VerifyAsync(ct);
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"trade-record.csv\"";
        response.Headers["X-Trade-Record-Intact"] = verification.Intact ? "true" : "false";
        if (verification.BrokenAt is { } broken)
        {
            response.Headers["X-Trade-Record-Broken-At"] = broken.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var writer = new StreamWriter(response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await record.ExportAsync(writer, from, to, portfolio, ct);
        await writer.FlushAsync(ct);
        return Results.Empty;
    }

    private static async Task<Ok<IReadOnlyList<PortfolioDto>>> ListPortfolios(PortfolioQueries portfolios, CancellationToken ct) =>
        TypedResults.Ok(await portfolios.ListAsync(ct));

    private static async Task<Results<Created<PortfolioDto>, ProblemHttpResult>> CreatePortfolio(CreatePortfolioRequest request, OrderDesk desk, PortfolioQueries portfolios, ClaimsPrincipal user, CancellationToken ct)
    {
        var created = await desk.CreatePortfolioAsync(request, user, ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/trading/portfolios/{created.Value}", await portfolios.GetAsync(created.Value, ct))
            : created.Error.ToProblem();
    }

    private static async Task<Results<Ok<PortfolioDto>, ProblemHttpResult>> GetPortfolio(Guid id, PortfolioQueries portfolios, CancellationToken ct) =>
        await portfolios.GetAsync(id, ct) is { } portfolio ? TypedResults.Ok(portfolio) : Error.NotFound("Portfolio", id).ToProblem();

    private static async Task<Results<Ok<IReadOnlyList<OrderDto>>, ProblemHttpResult>> ListOrders(Guid id, PortfolioQueries portfolios, CancellationToken ct) =>
        await portfolios.GetAsync(id, ct) is null ? Error.NotFound("Portfolio", id).ToProblem() : TypedResults.Ok(await portfolios.OrdersAsync(id, ct));

    private static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> PlaceOrder(Guid id, PlaceOrderRequest request, OrderDesk desk, PortfolioQueries portfolios, ClaimsPrincipal user, CancellationToken ct)
    {
        var placed = await desk.PlaceAsync(id, request, user, ct);
        return placed.Succeeded ? TypedResults.Ok((await portfolios.OrderAsync(placed.Value, ct))!) : placed.Error.ToProblem();
    }

    private static async Task<Ok<TradeRecordVerification>> VerifyRecord(TradeRecordChain record, CancellationToken ct) =>
        TypedResults.Ok(await record.VerifyAsync(ct));
}
