using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>A ticket was marked solved, with how many public agent responses it took.</summary>
public sealed record TicketSolved(Guid TicketId, Guid? OrganizationId, TicketPriority Priority, TicketChannel Channel, Guid? AssigneeId, int AgentResponses, DateTime At) : IDomainEvent;
