using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>Assigns tickets to available agents of their team (see <see cref="AgentChoice"/>).</summary>
internal sealed class AgentAssigner(SupportDbContext db)
{
    /// <summary>Sets the ticket's assignee (null when nobody is available); the caller saves.</summary>
    public async Task<SupportAgent?> AssignAsync(Ticket ticket, DateTime now, CancellationToken cancellationToken, Guid? exclude = null)
    {
        var agent = await ChooseAsync(ticket, cancellationToken, exclude);
        if (agent is not null)
        {
            agent.LastAssignedAt = now;
            ticket.AssigneeId = agent.Id;
        }

        return agent;
    }

    /// <summary>The available agent of the ticket's team who should take it (tracked, unchanged); null when nobody can.</summary>
    public async Task<SupportAgent?> ChooseAsync(Ticket ticket, CancellationToken cancellationToken, Guid? exclude = null)
    {
        var agents = await db.Agents.Where(a => a.TeamId == ticket.TeamId && a.Available).ToListAsync(cancellationToken);
        if (agents.Count == 0)
        {
            return null;
        }

        var ids = agents.Select(a => a.Id).ToList();
        var load = await db.Tickets.IgnoreQueryFilters()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed && t.Id != ticket.Id)
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Agent, x => x.Count, cancellationToken);
        var candidates = agents.Select(a => new AgentCandidate(a.Id, AgentChoice.Tags(a.Languages), AgentChoice.Tags(a.Skills), a.RegionCode, a.Capacity, load.GetValueOrDefault(a.Id), a.LastAssignedAt));
        var chosen = AgentChoice.Choose(candidates, AgentChoice.Tags(ticket.Tags), ticket.Language, ticket.RegionCode, exclude);
        if (chosen is not { } id)
        {
            return null;
        }

        return agents.First(a => a.Id == id);
    }
}
