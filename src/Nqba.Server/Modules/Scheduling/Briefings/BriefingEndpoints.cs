using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling.Briefings;

internal static class BriefingEndpoints
{
    public static IEndpointRouteBuilder MapBriefingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scheduling/bookings/{id:guid}/briefing", GetBriefing)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithTags("Scheduling bookings")
            .WithName("GetBriefing")
            .WithSummary("The pre-meeting briefing for the specialist.");
        return app;
    }

    private static async Task<Results<Ok<BriefingDto>, ProblemHttpResult>> GetBriefing(Guid id, SchedulingDbContext db, BriefingService briefings, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return booking is null ? Error.NotFound("Booking", id).ToProblem() : TypedResults.Ok(await briefings.BuildAsync(booking, ct));
    }
}
