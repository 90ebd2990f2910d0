using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>
/// The trading pages' forms (anti-forgery checked): open a portfolio, place an order — the same <see cref="OrderDesk"/>
/// as the API. Each redirects to the orders page, with the outcome or the problem.
/// </summary>
internal static class PaperTradingFormEndpoints
{
    public static IEndpointRouteBuilder MapPaperTradingFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/trading/portfolios").WithTags("Trading forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Trading).WithFormBinding();

        group.MapPost("/new", SubmitCreatePortfolio).WithName("SubmitCreatePortfolio");

        group.MapPost("/{id:guid}/orders", SubmitPlaceOrder).WithName("SubmitPlaceOrder");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitCreatePortfolio([FromForm] PortfolioForm form, OrderDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!decimal.TryParse(form.Cash, NumberStyles.Number, CultureInfo.InvariantCulture, out var cash))
        {
            return Back(null, Error.Validation("cash", "cash must be a number, e.g. 100000."), null);
        }

        var created = await desk.CreatePortfolioAsync(new CreatePortfolioRequest(form.Name, null, cash), user, ct);
        return created.Succeeded ? Back(created.Value, null, "Portfolio opened.") : Back(null, created.Error, null);
    }

    private static async Task<RedirectHttpResult> SubmitPlaceOrder(Guid id, [FromForm] OrderForm form, OrderDesk desk, PortfolioQueries portfolios, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        decimal? quantity = decimal.TryParse(form.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : null;
        decimal? limit = null;
        if (!string.IsNullOrWhiteSpace(form.LimitPrice))
        {
            if (decimal.TryParse(form.LimitPrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var l))
            {
                limit = l;
            }
            else
            {
                fields["limitPrice"] = ["limitPrice must be a number, e.g. 150.25."];
            }
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(form.Date))
        {
            if (DateOnly.TryParseExact(form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                fields["date"] = ["date must be a date (yyyy-MM-dd)."];
            }
        }

        if (fields.Count > 0)
        {
            return Back(id, Error.Validation(fields), null);
        }

        var placed = await desk.PlaceAsync(id, new PlaceOrderRequest(form.Ticker, form.Side, form.Type, quantity, limit, date), user, ct);
        if (!placed.Succeeded)
        {
            return Back(id, placed.Error, null);
        }

        var order = (await portfolios.OrderAsync(placed.Value, ct))!;
        return Back(id, null, order.Status == "filled"
            ? string.Create(CultureInfo.InvariantCulture, $"{order.Side} {order.Quantity:0.##} {order.Ticker} filled at {order.FillPrice:0.00####} on {order.FilledOn:yyyy-MM-dd}.") + (order.Reason is { } warning ? " " + warning : string.Empty)
            : $"{order.Ticker}: {order.Status}. {order.Reason}");
    }

    private static RedirectHttpResult Back(Guid? portfolio, Error? error, string? message)
    {
        var target = "/trading/orders" + (portfolio is { } p ? $"?portfolio={p}" : "?");
        var separator = portfolio is null ? string.Empty : "&";
        if (error is not null)
        {
            var text = error.Status == StatusCodes.Status400BadRequest && error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Detail;
            return TypedResults.LocalRedirect(target + separator + "error=" + Uri.EscapeDataString(text));
        }

        return TypedResults.LocalRedirect(target + separator + "message=" + Uri.EscapeDataString(message ?? string.Empty));
    }

    internal sealed class PortfolioForm
    {
        public string? Name { get; set; }

        public string? Cash { get; set; }
    }

    internal sealed class OrderForm
    {
        public string? Ticker { get; set; }

        public string? Side { get; set; }

        public string? Type { get; set; }

        public string? Quantity { get; set; }

        public string? LimitPrice { get; set; }

        public string? Date { get; set; }
    }
}
