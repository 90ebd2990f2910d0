using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling.Batch;

internal static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scheduling/batch").WithTags("Scheduling batch").RequireAuthorization(NqbaPolicies.Staff);

        group.MapPost("/", ScheduleBatch)
            .WithName("ScheduleBatch")
            .WithSummary("Places many requested meetings into the specialists' free time at once (largest total priority), then books them unless dryRun.");

        return app;
    }

    private static async Task<Results<Ok<BatchSchedulingResult>, ProblemHttpResult>> ScheduleBatch(BatchSchedulingRequest request, BatchScheduler scheduler, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await scheduler.ScheduleAsync(request, BookingEndpoints.Actor(user), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
