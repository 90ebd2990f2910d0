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
        teams.MapGet("/", async Task<Ok<List<TeamDto>>> (SupportDbContext db, TimeProvider time, CancellationToken ct) =>
            TypedResults.Ok((await db.Teams.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct)).ConvertAll(t => ToDto(t, time))))
            .WithName("ListSupportTeams");
        teams.MapPost("/", async Task<Results<Created<TeamDto>, ProblemHttpResult>> (TeamRequest request, SupportDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                if (await db.Teams.AnyAsync(t => t.Code == request.Code, ct))
                {
                    return Error.Conflict($"A team with code '{request.Code}' exists.").ToProblem();
                }

                if (request.IsDefault)
                {
                    await db.Teams.Where(t => t.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsDefault, false), ct);
                }

                var team = new SupportTeam { Id = Guid.CreateVersion7(), Code = request.Code, Name = request.Name, LeadEmail = request.LeadEmail, IsDefault = request.IsDefault, RotationStart = time.GetUtcNow().UtcDateTime };
                db.Teams.Add(team);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/support/teams/{team.Id}", ToDto(team, time));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateSupportTeam");
        teams.MapPut("/{id:guid}/on-call", async Task<Results<Ok<TeamDto>, ProblemHttpResult>> (Guid id, OnCallRequest request, SupportDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
                if (team is null)
                {
                    return Error.NotFound("Team", id).ToProblem();
                }

                var members = await db.Agents.Where(a => a.TeamId == id).Select(a => a.Id).ToListAsync(ct);
                if (request.AgentIds.FirstOrDefault(a => !members.Contains(a)) is var stranger && stranger != Guid.Empty)
                {
                    return Error.Validation("agentIds", $"Agent '{stranger}' is not a member of team '{team.Code}'.").ToProblem();
                }

                team.OnCallRotation = string.Join(',', request.AgentIds);
                team.RotationStart = request.Start.ToUniversalTime();
                team.ShiftHours = request.ShiftHours;
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ToDto(team, time));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("SetSupportOnCall")
            .WithSummary("Sets the team's on-call rotation (agents in order, one shift each, repeating).");

        var agents = app.MapGroup("/api/support/agents").WithTags("Support teams").RequireAuthorization(NqbaPolicies.Staff);
        agents.MapGet("/", async Task<Ok<List<AgentDto>>> (SupportDbContext db, CancellationToken ct) =>
            {
                var list = await db.Agents.AsNoTracking().ToListAsync(ct);
                var load = await db.Tickets.Where(t => t.AssigneeId != null && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)
                    .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
                return TypedResults.Ok(list.OrderBy(a => a.Name, StringComparer.Ordinal)
                    .Select(a => new AgentDto(a.Id, a.UserId, a.TeamId, a.Name, a.Email, a.Languages, a.Skills, a.RegionCode, a.Capacity, a.Available, load.GetValueOrDefault(a.Id))).ToList());
            })
            .WithName("ListSupportAgents");
        agents.MapPost("/", async Task<Results<Created<AgentDto>, ProblemHttpResult>> (AgentRequest request, SupportDbContext db, CancellationToken ct) =>
            {
                var team = await db.Teams.FirstOrDefaultAsync(t => t.Code == request.Team, ct);
                if (team is null)
                {
                    return Error.Validation("team", $"Support team '{request.Team}' does not exist.").ToProblem();
                }

                if (request.UserId is { } userId && await db.Agents.AnyAsync(a => a.UserId == userId, ct))
                {
                    return Error.Conflict($"User '{userId}' is already an agent.").ToProblem();
                }

                var agent = new SupportAgent
                {
                    Id = Guid.CreateVersion7(),
                    UserId = request.UserId,
                    TeamId = team.Id,
                    Name = request.Name,
                    Email = request.Email,
                    Languages = string.Join(',', AgentChoice.Tags(request.Languages)),
                    Skills = string.Join(',', AgentChoice.Tags(request.Skills)),
                    RegionCode = request.RegionCode,
                    Capacity = request.Capacity,
                    Available = request.Available,
                };
                db.Agents.Add(agent);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/support/agents/{agent.Id}", new AgentDto(agent.Id, agent.UserId, agent.TeamId, agent.Name, agent.Email, agent.Languages, agent.Skills, agent.RegionCode, agent.Capacity, agent.Available, 0));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateSupportAgent");
        agents.MapPut("/me/availability", async Task<Results<NoContent, ProblemHttpResult>> (AvailabilityRequest request, ClaimsPrincipal user, SupportDbContext db, CancellationToken ct) =>
                await SetMyAvailabilityAsync(user, request.Available, db, ct) is { } error ? error.ToProblem() : TypedResults.NoContent())
            .WithName("SetMySupportAvailability")
            .WithSummary("The signed-in agent sets themselves available (takes new tickets) or away.");
        return app;
    }

    /// <summary>The signed-in user's own agent switch (API and inbox page); not found when the user is no agent.</summary>
    public static async Task<Error?> SetMyAvailabilityAsync(ClaimsPrincipal user, bool available, SupportDbContext db, CancellationToken cancellationToken)
    {
        var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (agent is null)
        {
            return Error.NotFound("Support agent for user", userId);
        }

        agent.Available = available;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static TeamDto ToDto(SupportTeam t, TimeProvider time) =>
        new(t.Id, t.Code, t.Name, t.LeadEmail, t.IsDefault, OnCallRotation.Members(t), t.RotationStart, t.ShiftHours, OnCallRotation.OnCallAt(t, time.GetUtcNow().UtcDateTime));
}
