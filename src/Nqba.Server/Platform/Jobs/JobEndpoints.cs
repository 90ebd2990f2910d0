using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Jobs;

internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/jobs").WithTags("Jobs").RequireAuthorization(NqbaPolicies.Admin);

        group.MapGet("/", ListJobs)
            .WithName("ListJobs")
            .WithSummary("Every background job: its trigger, next and last fire time, and the last run's outcome")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }

    private static async Task<Ok<IReadOnlyList<JobStatus>>> ListJobs(NqbaJobs jobs, CancellationToken ct) =>
        TypedResults.Ok(await jobs.ListAsync(ct));
}
