using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling.FollowUps;

internal static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scheduling/bookings/{id:guid}/follow-up").WithTags("Scheduling bookings").RequireAuthorization(NqbaPolicies.Staff);

        group.MapPost("/", RecordFollowUp)
            .WithName("RecordFollowUp")
            .WithSummary("Records a meeting's outcome (held or no-show), notes and action items once it has started; suggests the next meeting type.");

        group.MapGet("/", GetFollowUp)
            .WithName("GetFollowUp");

        return app;
    }

    private static async Task<Results<Created<FollowUpDto>, ProblemHttpResult>> RecordFollowUp(Guid id, FollowUpRequest request, FollowUpService followUps, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await followUps.RecordAsync(id, request, BookingEndpoints.Actor(user), ct);
        return result.Succeeded ? TypedResults.Created($"/api/scheduling/bookings/{id}/follow-up", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<FollowUpDto>, ProblemHttpResult>> GetFollowUp(Guid id, FollowUpService followUps, CancellationToken ct)
    {
        var result = await followUps.GetAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
