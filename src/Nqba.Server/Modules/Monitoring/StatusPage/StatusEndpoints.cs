using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Notifications;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>The public (no sign-in) status API: the snapshot as JSON, SVG badges, e-mail subscriptions.</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/status").WithTags("Status").AllowAnonymous();

        group.MapGet("/", async Task<Ok<StatusSnapshot>> (MonitoringDbContext db, TimeProvider time, CancellationToken ct) =>
                TypedResults.Ok(await StatusQueries.SnapshotAsync(db, time.GetUtcNow().UtcDateTime, ct)))
            .WithName("GetStatus")
            .WithSummary("Overall state, units and components with 90 daily bars, current incidents and maintenance, incident history");

        group.MapGet("/badge/{component}.svg", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string component, MonitoringDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var found = await db.Components.AsNoTracking().Where(c => c.Key == component).Select(c => new { c.Name, c.State }).FirstOrDefaultAsync(ct);
                if (found is null)
                {
                    return Error.NotFound("Component", component).ToProblem();
                }

                http.Response.Headers.CacheControl = "no-cache, max-age=0";
                return TypedResults.Content(StatusBadge.Render(found.Name, found.State), "image/svg+xml; charset=utf-8");
            })
            .WithName("GetStatusBadge");

        group.MapPost("/subscriptions", async Task<Results<Created, ProblemHttpResult>> (SubscribeRequest request, MonitoringDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct) =>
                await SubscribeAsync(request.Email, request.Component, db, protector, time, ct) is { } error ? error.ToProblem() : TypedResults.Created())
            .WithName("SubscribeToStatus");

        // The link in every status e-mail: one click, no sign-in (the token is the proof).
        app.MapGet("/status/unsubscribe", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string? token, MonitoringDbContext db, CancellationToken ct) =>
            {
                if (string.IsNullOrEmpty(token) || await db.Subscriptions.FirstOrDefaultAsync(s => s.UnsubscribeToken == token, ct) is not { } subscription)
                {
                    return Error.NotFound("Subscription", token ?? string.Empty).ToProblem();
                }

                db.Subscriptions.Remove(subscription);
                await db.SaveChangesAsync(ct);
                return TypedResults.Content("<!doctype html><title>Unsubscribed</title><p>You will get no more status e-mails for this component.</p><p><a href=\"/status\">Status page</a></p>", "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Status")
            .WithName("UnsubscribeFromStatus");

        // The status page's own form (static SSR): subscribe, then back to the page with a confirmation.
        app.MapPost("/status/subscribe", async Task<Results<RedirectHttpResult, ProblemHttpResult>> ([FromForm] string email, [FromForm] string component, [FromForm] string? lang, MonitoringDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct) =>
                await SubscribeAsync(email, component, db, protector, time, ct) is { } error
                    ? error.ToProblem()
                    : TypedResults.Redirect($"/status?subscribed=1{(string.IsNullOrEmpty(lang) ? string.Empty : "&lang=" + Uri.EscapeDataString(lang))}"))
            .AllowAnonymous()
            .WithTags("Status")
            .WithFormBinding()
            .WithName("SubscribeToStatusForm");

        return app;
    }

    private static async Task<Error?> SubscribeAsync(string email, string componentKey, MonitoringDbContext db, FieldProtector protector, TimeProvider time, CancellationToken ct)
    {
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 320)
        {
            return Error.Validation("email", "Enter a valid e-mail address.");
        }

        var componentId = await db.Components.Where(c => c.Key == componentKey).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (componentId is null)
        {
            return Error.Validation("component", $"No component with key '{componentKey}'.");
        }

        var normalized = email.Trim().ToLowerInvariant();
        var hash = await protector.SearchHashAsync(normalized, ct);
        if (!await db.Subscriptions.AnyAsync(s => s.ComponentId == componentId && s.EmailHash == hash, ct))
        {
            db.Subscriptions.Add(new StatusSubscription
            {
                Id = Guid.CreateVersion7(),
                Email = normalized,
                EmailHash = hash,
                UnsubscribeToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ComponentId = componentId.Value,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }

        return null;
    }
}
