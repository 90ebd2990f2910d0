using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Notifications;

internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/channels").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Admin);

        group.MapGet("/", ListNotificationChannels)
            .WithName("ListNotificationChannels");

        group.MapPost("/", CreateNotificationChannel)
            .WithName("CreateNotificationChannel");

        group.MapDelete("/{id:guid}", DeleteNotificationChannel)
            .WithName("DeleteNotificationChannel");

        group.MapGet("/{id:guid}/deliveries", ListNotificationDeliveries)
            .WithName("ListNotificationDeliveries");

        return app;
    }

    private static async Task<Ok<List<ChannelDto>>> ListNotificationChannels(MonitoringDbContext db, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var list = await db.Channels.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(list.ConvertAll(c => ToDto(c, keys)));
    }

    private static async Task<Results<Created<ChannelDto>, ProblemHttpResult>> CreateNotificationChannel(ChannelRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        var errors = new Dictionary<string, string[]>();
        var unknown = (request.Components ?? []).Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors["components"] = [$"Unknown component(s): {string.Join(", ", unknown)}."];
        }

        if (request.Kind == ChannelKind.Webhook && !IsHttpUrl(request.Target))
        {
            errors["target"] = ["A webhook needs an absolute http(s) URL."];
        }

        if (request.Kind == ChannelKind.Email && !new EmailAddressAttribute().IsValid(request.Target))
        {
            errors["target"] = ["An e-mail channel needs an e-mail address."];
        }

        if (request.EscalateAfterMinutes is not null && (request.EscalationTarget is null || (request.Kind == ChannelKind.Webhook && !IsHttpUrl(request.EscalationTarget))))
        {
            errors["escalationTarget"] = ["Escalation needs a target of the channel's kind."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors).ToProblem();
        }

        var channel = new NotificationChannel
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name,
            Kind = request.Kind,
            Target = request.Target,
            ComponentIds = [.. (request.Components ?? []).Distinct(StringComparer.Ordinal).Select(k => keys[k])],
            RepeatMinutes = request.RepeatMinutes,
            EscalateAfterMinutes = request.EscalateAfterMinutes,
            EscalationTarget = request.EscalationTarget,
            Enabled = request.Enabled,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        audit.Stage(db, new AuditRecord("monitoring.channel.created", "NotificationChannel", channel.Id.ToString(), After: new { request.Name, Kind = request.Kind.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/monitoring/channels/{channel.Id}", ToDto(channel, keys.ToDictionary(p => p.Value, p => p.Key)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteNotificationChannel(Guid id, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return Error.NotFound("Notification channel", id).ToProblem();
        }

        db.Channels.Remove(channel);
        audit.Stage(db, new AuditRecord("monitoring.channel.deleted", "NotificationChannel", id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DeliveryDto>>> ListNotificationDeliveries(Guid id, MonitoringDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Deliveries.AsNoTracking().Where(d => d.ChannelId == id).OrderByDescending(d => d.At).Take(200)
            .Select(d => new DeliveryDto(d.ChannelId, d.Kind, d.Text, d.Succeeded, d.Detail, d.At)).ToListAsync(ct));

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ChannelDto ToDto(NotificationChannel c, IReadOnlyDictionary<Guid, string> keys) =>
        new(c.Id, c.Name, c.Kind, c.Target, [.. c.ComponentIds.Select(id => keys.GetValueOrDefault(id, id.ToString()))], c.RepeatMinutes, c.EscalateAfterMinutes, c.EscalationTarget, c.Enabled);
}
