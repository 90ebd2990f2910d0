using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>The one way teams and agents change: create teams and agents, set a team's on-call rotation, an agent's availability.</summary>
internal sealed class SupportRoster(SupportDbContext db, TimeProvider time, ICompanyDirectory company, IAuditLedger audit)
{
    /// <summary>Creates a team; a new default team takes over from the previous one in the same transaction.</summary>
    public async Task<Result<SupportTeam>> CreateTeamAsync(TeamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Teams.AnyAsync(t => t.Code == request.Code, cancellationToken))
        {
            return Error.Conflict($"A team with code '{request.Code}' exists.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.IsDefault)
        {
            await db.Teams.Where(t => t.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsDefault, false), cancellationToken);
        }

        var team = new SupportTeam { Id = Guid.CreateVersion7(), Code = request.Code, Name = request.Name, LeadEmail = request.LeadEmail, IsDefault = request.IsDefault, RotationStart = time.GetUtcNow().UtcDateTime };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return team;
    }

    /// <summary>Sets the business calendar the team's SLA clocks follow (null clears it); the SLA watch recomputes open tickets.</summary>
    public async Task<Result<SupportTeam>> SetCalendarAsync(Guid teamId, TeamCalendarRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = string.IsNullOrWhiteSpace(request.Calendar) ? null : request.Calendar.Trim();
        if (code is not null && (await company.GetAsync(cancellationToken)).Calendar(code) is null)
        {
            return Error.Validation("calendar", $"There is no business calendar '{code}'.");
        }

        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return Error.NotFound("Team", teamId);
        }

        audit.Stage(db, new AuditRecord("support.team.calendar-changed", "support-team", team.Code, new { calendar = team.CalendarCode }, new { calendar = code }));
        team.CalendarCode = code;
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    /// <summary>Sets the team's on-call rotation; every agent in it must be a member of the team.</summary>
    public async Task<Result<SupportTeam>> SetOnCallAsync(Guid teamId, OnCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return Error.NotFound("Team", teamId);
        }

        var members = await db.Agents.Where(a => a.TeamId == teamId).Select(a => a.Id).ToListAsync(cancellationToken);
        if (request.AgentIds.FirstOrDefault(a => !members.Contains(a)) is var stranger && stranger != Guid.Empty)
        {
            return Error.Validation("agentIds", $"Agent '{stranger}' is not a member of team '{team.Code}'.");
        }

        team.OnCallRotation = string.Join(',', request.AgentIds);
        team.RotationStart = request.Start.ToUniversalTime();
        team.ShiftHours = request.ShiftHours;
        await db.SaveChangesAsync(cancellationToken);
        return team;
    }

    /// <summary>Creates an agent in a team; a user account is the agent of at most one.</summary>
    public async Task<Result<SupportAgent>> CreateAgentAsync(AgentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Code == request.Team, cancellationToken);
        if (team is null)
        {
            return Error.Validation("team", $"Support team '{request.Team}' does not exist.");
        }

        if (request.UserId is { } userId && await db.Agents.AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            return Error.Conflict($"User '{userId}' is already an agent.");
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
        await db.SaveChangesAsync(cancellationToken);
        return agent;
    }

    /// <summary>A user's own agent switch (API and inbox page); not found when the user is no agent.</summary>
    public async Task<Error?> SetAvailabilityAsync(Guid? userId, bool available, CancellationToken cancellationToken)
    {
        var agent = userId is null ? null : await db.Agents.FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (agent is null)
        {
            return Error.NotFound("Support agent for user", userId ?? Guid.Empty);
        }

        agent.Available = available;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
