using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>The public (no sign-in) status API: the snapshot as JSON, SVG badges, e-mail subscriptions.</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/status").WithTags("Status").AllowAnonymous();

        group.MapGet("/", GetStatus)
            .WithName("GetStatus")
            .WithSummary("Overall state, units and components with 90 daily bars, current incidents and maintenance, incident history");

        group.MapGet("/badge/{component}.svg", GetStatusBadge)
            .WithName("GetStatusBadge");

        // Uptime Kuma's uptime and ping badges, per component: duration is 24h (default), 7d, 30d, 90d or 1y, or a
        // number of hours (h) or days (d) up to a year.
        group.MapGet("/badge/{component}/uptime.svg", GetUptimeBadge)
            .WithName("GetUptimeBadge");

        group.MapGet("/badge/{component}/ping.svg", GetPingBadge)
            .WithName("GetPingBadge");

        // Uptime Kuma's certificate-expiry badge: days left of the soonest-expiring certificate the component's TLS
        // monitors saw, coloured by that monitor's own thresholds.
        group.MapGet("/badge/{component}/cert-exp.svg", GetCertificateExpiryBadge)
            .WithName("GetCertificateExpiryBadge");

        group.MapPost("/subscriptions", SubscribeToStatus)
            .WithName("SubscribeToStatus");

        // The link in every status e-mail: one click, no sign-in (the token is the proof).
        app.MapGet("/status/unsubscribe", UnsubscribeFromStatus)
            .AllowAnonymous()
            .WithTags("Status")
            .WithName("UnsubscribeFromStatus");

        // The status page's own form (static SSR): subscribe, then back to the page with a confirmation.
        app.MapPost("/status/subscribe", SubscribeToStatusForm)
            .AllowAnonymous()
            .WithTags("Status")
            .WithFormBinding()
            .WithName("SubscribeToStatusForm");

        return app;
    }

    private static async Task<Ok<StatusSnapshot>> GetStatus(MonitoringDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await StatusQueries.SnapshotAsync(db, time.GetUtcNow().UtcDateTime, ct));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetStatusBadge(string component, MonitoringDbContext db, HttpContext http, CancellationToken ct)
    {
        var found = await db.Components.AsNoTracking().Where(c => c.Key == component).Select(c => new { c.Name, c.State }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("Component", component).ToProblem();
        }

        http.Response.Headers.CacheControl = "no-cache, max-age=0";
        return TypedResults.Content(StatusBadge.Render(found.Name, found.State), "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetUptimeBadge(string component, string? duration, MonitoringDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (ParseDuration(duration) is not { } length)
        {
            return Error.Validation("duration", DurationRule).ToProblem();
        }

        var found = await db.Components.AsNoTracking().Where(c => c.Key == component).Select(c => new { c.Id, c.Name, c.TargetPercent }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("Component", component).ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var from = now - length;
        var intervals = await db.StateIntervals.AsNoTracking().Where(i => i.ComponentId == found.Id && (i.To == null || i.To > from)).ToListAsync(ct);
        var figures = UptimeCalculator.Compute(intervals, from, now, now, found.TargetPercent);
        http.Response.Headers.CacheControl = "no-cache, max-age=0";
        return TypedResults.Content(StatusBadge.Uptime($"{found.Name} uptime {Label(duration)}", figures.AvailabilityPercent, found.TargetPercent), "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetPingBadge(string component, string? duration, MonitoringDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        if (ParseDuration(duration) is not { } length)
        {
            return Error.Validation("duration", DurationRule).ToProblem();
        }

        var found = await db.Components.AsNoTracking().Where(c => c.Key == component).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("Component", component).ToProblem();
        }

        var monitorIds = await db.Monitors.Where(m => m.ComponentId == found.Id && m.Enabled).Select(m => m.Id).ToListAsync(ct);
        var average = await ResponseTimes.AverageAsync(db, monitorIds, time.GetUtcNow().UtcDateTime - length, ct);
        http.Response.Headers.CacheControl = "no-cache, max-age=0";
        return TypedResults.Content(StatusBadge.Ping($"{found.Name} ping {Label(duration)}", average), "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCertificateExpiryBadge(string component, MonitoringDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var found = await db.Components.AsNoTracking().Where(c => c.Key == component).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound("Component", component).ToProblem();
        }

        var soonest = await db.Monitors.AsNoTracking().Where(m => m.ComponentId == found.Id && m.Enabled && m.CertificateExpiresAt != null)
            .OrderBy(m => m.CertificateExpiresAt).Select(m => new { m.CertificateExpiresAt, m.TlsDegradedDays, m.TlsDownDays }).FirstOrDefaultAsync(ct);
        var daysLeft = soonest is null ? (double?)null : (soonest.CertificateExpiresAt!.Value - time.GetUtcNow().UtcDateTime).TotalDays;
        http.Response.Headers.CacheControl = "no-cache, max-age=0";
        return TypedResults.Content(
            StatusBadge.CertificateExpiry($"{found.Name} certificate", daysLeft, soonest?.TlsDegradedDays ?? 0, soonest?.TlsDownDays ?? 0),
            "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<Created, ProblemHttpResult>> SubscribeToStatus(SubscribeRequest request, StatusSubscriptions subscriptions, CancellationToken ct)
    {
        var result = await subscriptions.SubscribeAsync(request.Email, request.Component, ct);
        return result.Succeeded ? TypedResults.Created() : result.Error.ToProblem();
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> UnsubscribeFromStatus(string? token, StatusSubscriptions subscriptions, CancellationToken ct)
    {
        var result = await subscriptions.UnsubscribeAsync(token, ct);
        return result.Succeeded
            ? TypedResults.Content("<!doctype html><title>Unsubscribed</title><p>You will get no more status e-mails for this component.</p><p><a href=\"/status\">Status page</a></p>", "text/html; charset=utf-8")
            : result.Error.ToProblem();
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SubscribeToStatusForm([FromForm] string email, [FromForm] string component, [FromForm] string? lang, StatusSubscriptions subscriptions, CancellationToken ct)
    {
        var result = await subscriptions.SubscribeAsync(email, component, ct);
        return result.Succeeded
            ? TypedResults.Redirect($"/status?subscribed=1{(string.IsNullOrEmpty(lang) ? string.Empty : "&lang=" + Uri.EscapeDataString(lang))}")
            : result.Error.ToProblem();
    }

    private const string DurationRule = "duration must be 24h, 7d, 30d, 90d or 1y, or a number of hours (e.g. 48h) or days (e.g. 14d) up to one year.";

    private static string Label(string? duration) => string.IsNullOrEmpty(duration) ? "24h" : duration;

    private static TimeSpan? ParseDuration(string? duration)
    {
        if (string.IsNullOrEmpty(duration))
        {
            return TimeSpan.FromHours(24);
        }

        foreach (var (name, period) in UptimeCalculator.Periods)
        {
            if (name == duration)
            {
                return period;
            }
        }

        var unit = duration[^1];
        if ((unit is 'h' or 'd') && int.TryParse(duration.AsSpan(0, duration.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            var length = unit == 'h' ? TimeSpan.FromHours(count) : TimeSpan.FromDays(count);
            return length <= TimeSpan.FromDays(366) ? length : null;
        }

        return null;
    }
}
