using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Trading.Backtests;

/// <summary>
/// The backtest page's form (anti-forgery checked): runs and saves a backtest through the same
/// <see cref="BacktestService"/> as the API, then opens the saved run; a bad field comes back to the form named.
/// </summary>
internal static class BacktestFormEndpoints
{
    public static IEndpointRouteBuilder MapBacktestFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/trading/backtests", SubmitBacktest)
            .WithName("SubmitBacktest")
            .WithTags("Trading forms")
            .ExcludeFromDescription()
            .RequireAuthorization(NqbaPolicies.Trading)
            .WithFormBinding();
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitBacktest([FromForm] BacktestForm form, BacktestService backtests, ClaimsPrincipal user, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rebalance = Whole(form.RebalanceEveryDays, "rebalanceEveryDays", fields);
        var lookback = Whole(form.LookbackDays, "lookbackDays", fields);
        var cost = Number(form.CostBasisPoints, "costBasisPoints", fields);
        var riskFree = Number(form.RiskFreeRate, "riskFreeRate", fields);
        var from = Date(form.From, "from", fields);
        var to = Date(form.To, "to", fields);
        if (fields.Count > 0)
        {
            return Back(Error.Validation(fields));
        }

        var tickers = form.Tickers is { Length: > 0 } chosen ? chosen : null;
        var run = await backtests.RunAsync(new BacktestRequest(tickers, form.Method, rebalance, cost, lookback, from, to, riskFree), user, ct);
        return run.Succeeded ? TypedResults.LocalRedirect($"/trading/backtests/{run.Value.Id}") : Back(run.Error);
    }

    private static RedirectHttpResult Back(Error error)
    {
        var text = error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Detail;
        var field = error.Fields is { Count: > 0 } named ? "&field=" + Uri.EscapeDataString(named.Keys.First()) : string.Empty;
        return TypedResults.LocalRedirect("/trading/backtests?error=" + Uri.EscapeDataString(text ?? string.Empty) + field);
    }

    private static int? Whole(string? text, string field, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        fields[field] = [$"{field} must be a whole number of trading days, e.g. 63."];
        return null;
    }

    private static double? Number(string? text, string field, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        fields[field] = [$"{field} must be a number, e.g. 10."];
        return null;
    }

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        fields[field] = [$"{field} must be a date (yyyy-MM-dd)."];
        return null;
    }

    internal sealed class BacktestForm
    {
        public string[]? Tickers { get; set; }

        public string? Method { get; set; }

        public string? RebalanceEveryDays { get; set; }

        public string? LookbackDays { get; set; }

        public string? CostBasisPoints { get; set; }

        public string? RiskFreeRate { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }
    }
}
