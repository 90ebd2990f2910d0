using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
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
        return TypedResults.Ok(list.ConvertAll(c => ChannelDto.From(c, keys)));
    }

    private static async Task<Results<Created<ChannelDto>, ProblemHttpResult>> CreateNotificationChannel(ChannelRequest request, NotificationChannels channels, CancellationToken ct)
    {
        var result = await channels.CreateAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/monitoring/channels/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteNotificationChannel(Guid id, NotificationChannels channels, CancellationToken ct)
    {
        var result = await channels.DeleteAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Ok<List<DeliveryDto>>> ListNotificationDeliveries(Guid id, MonitoringDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Deliveries.AsNoTracking().Where(d => d.ChannelId == id).OrderByDescending(d => d.At).Take(200)
            .Select(d => new DeliveryDto(d.ChannelId, d.Kind, d.Text, d.Succeeded, d.Detail, d.At)).ToListAsync(ct));
}
