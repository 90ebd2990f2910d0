using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>
/// A ticket got another assignee: chosen by staff, or among the available agents of its team. Published once per
/// effective change (assigning the agent who already holds the ticket publishes nothing).
/// </summary>
[EventName("support.ticket-assigned")]
public sealed record TicketAssigned(Guid TicketId, Guid? OrganizationId, Guid AssigneeId, Guid? PreviousAssigneeId, Guid? TeamId, DateTime At) : IDomainEvent;
