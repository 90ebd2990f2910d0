using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Intake.Routing;

internal static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var lead = app.MapGroup("/api/leads/{leadId:guid}").WithTags("Routing").RequireAuthorization(NqbaPolicies.Staff);

        lead.MapPost("/route", async Task<Results<Ok<RoutingDecisionDto>, ProblemHttpResult>> (Guid leadId, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var result = await routing.RouteAsync(leadId, Staff(user), ct);
                return result.Succeeded ? TypedResults.Ok(RoutingDecisionDto.From(result.Value)) : result.Error.ToProblem();
            })
            .WithName("RouteLead")
            .WithSummary("Routes (or reroutes) one assessed lead to the best specialist of its unit (fast path).");

        lead.MapPost("/reassign", async Task<Results<Ok<RoutingDecisionDto>, ProblemHttpResult>> (Guid leadId, ReassignLeadRequest request, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var result = await routing.ReassignAsync(leadId, request, Staff(user), ct);
                return result.Succeeded ? TypedResults.Ok(RoutingDecisionDto.From(result.Value)) : result.Error.ToProblem();
            })
            .WithName("ReassignLead")
            .WithSummary("Moves the lead to another specialist of its unit, with a reason (audited).");

        lead.MapGet("/routing", async Task<Ok<List<RoutingDecisionDto>>> (Guid leadId, IntakeDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.RoutingDecisions.AsNoTracking().Where(d => d.LeadId == leadId).OrderBy(d => d.DecidedAt).ToListAsync(ct)).ConvertAll(RoutingDecisionDto.From)))
            .WithName("ListRoutingDecisions");

        var routingGroup = app.MapGroup("/api/routing").WithTags("Routing").RequireAuthorization(NqbaPolicies.Staff);

        routingGroup.MapPost("/batch", async Task<Ok<BatchRoutingResult>> (BatchRoutingRequest request, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await routing.RouteBatchAsync(request.LeadIds, request.FromSpecialistId, Staff(user), ct)))
            .WithName("RouteBatch")
            .WithSummary("Routes many leads together (overnight backlog, a specialist out) maximizing total fit under capacities.");

        routingGroup.MapGet("/decisions", async Task<Ok<List<RoutingDecisionDto>>> (IntakeDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.RoutingDecisions.AsNoTracking().OrderByDescending(d => d.DecidedAt).Take(500).ToListAsync(ct)).ConvertAll(RoutingDecisionDto.From)))
            .WithName("ListRecentRoutingDecisions");

        return app;
    }

    private static string Staff(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";
}
