using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Assignment;

internal static class AssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentEndpoints(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/support/teams").WithTags("Support teams").RequireAuthorization(NqbaPolicies.Staff);
        teams.MapGet("/", ListTeams)
            .WithName("ListSupportTeams");
        teams.MapPost("/", CreateTeam)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateSupportTeam");
        teams.MapPut("/{id:guid}/on-call", SetOnCall)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("SetSupportOnCall")
            .WithSummary("Sets the team's on-call rotation (agents in order, one shift each, repeating).");
        teams.MapPut("/{id:guid}/calendar", SetTeamCalendar)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("SetSupportTeamCalendar")
            .WithSummary("Sets the business calendar the team's ticket SLA clocks follow (null: each ticket's region's); open tickets are recomputed.");

        var agents = app.MapGroup("/api/support/agents").WithTags("Support teams").RequireAuthorization(NqbaPolicies.Staff);
        agents.MapGet("/", ListAgents)
            .WithName("ListSupportAgents");
        agents.MapPost("/", CreateAgent)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateSupportAgent");
        agents.MapPut("/me/availability", SetMyAvailability)
            .WithName("SetMySupportAvailability")
            .WithSummary("The signed-in agent sets themselves available (takes new tickets) or away.");
        return app;
    }

    public static async Task<Ok<List<TeamDto>>> ListTeams(SupportDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await db.Teams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).ConvertAll(t => ToDto(t, time)));

    public static async Task<Results<Created<TeamDto>, ProblemHttpResult>> CreateTeam(TeamRequest request, SupportRoster roster, TimeProvider time, CancellationToken ct)
    {
        var result = await roster.CreateTeamAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/support/teams/{result.Value.Id}", ToDto(result.Value, time)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<TeamDto>, ProblemHttpResult>> SetOnCall(Guid id, OnCallRequest request, SupportRoster roster, TimeProvider time, CancellationToken ct)
    {
        var result = await roster.SetOnCallAsync(id, request, ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value, time)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<TeamDto>, ProblemHttpResult>> SetTeamCalendar(Guid id, TeamCalendarRequest request, SupportRoster roster, TimeProvider time, CancellationToken ct)
    {
        var result = await roster.SetCalendarAsync(id, request, ct);
        return result.Succeeded ? TypedResults.Ok(ToDto(result.Value, time)) : result.Error.ToProblem();
    }

    public static async Task<Ok<List<AgentDto>>> ListAgents(SupportDbContext db, CancellationToken ct)
    {
        var list = await db.Agents.AsNoTracking().ToListAsync(ct);
        var load = await db.Tickets.Where(t => t.AssigneeId != null && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(list.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new AgentDto(a.Id, a.UserId, a.TeamId, a.Name, a.Email, a.Languages, a.Skills, a.RegionCode, a.Capacity, a.Available, load.GetValueOrDefault(a.Id))).ToList());
    }

    public static async Task<Results<Created<AgentDto>, ProblemHttpResult>> CreateAgent(AgentRequest request, SupportRoster roster, CancellationToken ct)
    {
        var result = await roster.CreateAgentAsync(request, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var agent = result.Value;
        return TypedResults.Created($"/api/support/agents/{agent.Id}", new AgentDto(agent.Id, agent.UserId, agent.TeamId, agent.Name, agent.Email, agent.Languages, agent.Skills, agent.RegionCode, agent.Capacity, agent.Available, 0));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetMyAvailability(AvailabilityRequest request, ClaimsPrincipal user, SupportRoster roster, CancellationToken ct) =>
        await roster.SetAvailabilityAsync(user.UserId(), request.Available, ct) is { } error ? error.ToProblem() : TypedResults.NoContent();

    private static TeamDto ToDto(SupportTeam t, TimeProvider time) =>
        new(t.Id, t.Code, t.Name, t.LeadEmail, t.IsDefault, OnCallRotation.Members(t), t.RotationStart, t.ShiftHours, OnCallRotation.OnCallAt(t, time.GetUtcNow().UtcDateTime), t.CalendarCode);
}
