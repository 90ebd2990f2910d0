using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Optimization.Jobs;
using Nqba.Server.Modules.Optimization.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Optimization.Solving;

internal static class OptimizeEndpoints
{
    public static IEndpointRouteBuilder MapOptimizeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/optimize").WithTags("Optimization").RequireAuthorization(NqbaPolicies.Staff);

        group.MapPost("/", Optimize)
            .WithName("Optimize")
            .WithSummary("Solves a QUBO: answered at once within Optimization:SynchronousBudget, else queued as a job");

        group.MapGet("/jobs/{id:guid}", GetOptimizationJob)
            .WithName("GetOptimizationJob")
            .WithSummary("An optimization job's status and, when finished, its result");

        return app;
    }

    private static async Task<Results<Ok<OptimizeResult>, AcceptedAtRoute<OptimizationJobDto>, ProblemHttpResult>> Optimize(
        OptimizeRequest request, OptimizationJobRunner jobs, JobTrigger<OptimizationQueueJob> queue, IOptions<OptimizationOptions> options,
        ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var errors = QuboSolving.Validate(request, options.Value);
        if (errors.Count > 0)
        {
            return Error.Validation(errors).ToProblem();
        }

        if (TimeSpan.FromMilliseconds(request.TimeLimitMs) <= options.Value.SynchronousBudget)
        {
            return TypedResults.Ok(await Task.Run(() => QuboSolving.Solve(request, options.Value.Threads, ct), ct));
        }

        var job = new OptimizationJob
        {
            Id = Guid.CreateVersion7(),
            Status = OptimizationJobStatus.Queued,
            RequestJson = JsonSerializer.Serialize(request, OptimizationJobRunner.Json),
            Variables = request.Qubo.Variables,
            RequestedBy = user.Identity?.Name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await jobs.EnqueueAsync(job, ct);
        queue.Notify();
        return TypedResults.AcceptedAtRoute(ToDto(job), "GetOptimizationJob", new { id = job.Id });
    }

    private static async Task<Results<Ok<OptimizationJobDto>, ProblemHttpResult>> GetOptimizationJob(Guid id, OptimizationDbContext db, CancellationToken ct) =>
        await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? TypedResults.Ok(ToDto(job))
            : Error.NotFound("Optimization job", id).ToProblem();

    private static OptimizationJobDto ToDto(OptimizationJob job) => new(
        job.Id, job.Status, job.Variables, job.CreatedAt, job.StartedAt, job.FinishedAt,
        job.ResultJson is null ? null : JsonSerializer.Deserialize<OptimizeResult>(job.ResultJson, OptimizationJobRunner.Json),
        job.Error);
}
