using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>An SLA target was missed on a ticket's clock (published once per clock cycle).</summary>
public sealed record SlaBreached(Guid TicketId, Guid? OrganizationId, SlaClockKind Clock, TicketPriority Priority, Guid? TeamId, Guid? AssigneeId, DateTime DueAt, DateTime At) : IDomainEvent;
