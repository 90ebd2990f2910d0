using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>80 % of an SLA target has passed on a ticket's clock (published once per clock cycle).</summary>
public sealed record SlaWarning(Guid TicketId, Guid? OrganizationId, SlaClockKind Clock, TicketPriority Priority, Guid? TeamId, Guid? AssigneeId, DateTime DueAt, DateTime At) : IDomainEvent;
