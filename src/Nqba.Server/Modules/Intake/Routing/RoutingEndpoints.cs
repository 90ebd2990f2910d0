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

        lead.MapPost("/route", RouteLead)
            .WithName("RouteLead")
            .WithSummary("Routes (or reroutes) one assessed lead to the best specialist of its unit (fast path).");

        lead.MapPost("/reassign", ReassignLead)
            .WithName("ReassignLead")
            .WithSummary("Moves the lead to another specialist of its unit, with a reason (audited).");

        lead.MapGet("/routing", ListRoutingDecisions)
            .WithName("ListRoutingDecisions");

        var routingGroup = app.MapGroup("/api/routing").WithTags("Routing").RequireAuthorization(NqbaPolicies.Staff);

        routingGroup.MapPost("/batch", RouteBatch)
            .WithName("RouteBatch")
            .WithSummary("Routes many leads together (overnight backlog, a specialist out) maximizing total fit under capacities.");

        routingGroup.MapGet("/decisions", ListRecentRoutingDecisions)
            .WithName("ListRecentRoutingDecisions");

        return app;
    }

    private static async Task<Results<Ok<RoutingDecisionDto>, ProblemHttpResult>> RouteLead(Guid leadId, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await routing.RouteAsync(leadId, Staff(user), ct);
        return result.Succeeded ? TypedResults.Ok(RoutingDecisionDto.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RoutingDecisionDto>, ProblemHttpResult>> ReassignLead(Guid leadId, ReassignLeadRequest request, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await routing.ReassignAsync(leadId, request, Staff(user), ct);
        return result.Succeeded ? TypedResults.Ok(RoutingDecisionDto.From(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Ok<List<RoutingDecisionDto>>> ListRoutingDecisions(Guid leadId, IntakeDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.RoutingDecisions.AsNoTracking().Where(d => d.LeadId == leadId).OrderBy(d => d.DecidedAt).ToListAsync(ct)).ConvertAll(RoutingDecisionDto.From));

    private static async Task<Ok<BatchRoutingResult>> RouteBatch(BatchRoutingRequest request, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await routing.RouteBatchAsync(request.LeadIds, request.FromSpecialistId, Staff(user), ct));

    private static async Task<Ok<List<RoutingDecisionDto>>> ListRecentRoutingDecisions(IntakeDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.RoutingDecisions.AsNoTracking().OrderByDescending(d => d.DecidedAt).Take(500).ToListAsync(ct)).ConvertAll(RoutingDecisionDto.From));

    private static string Staff(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";
}
