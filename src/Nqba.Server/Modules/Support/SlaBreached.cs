using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>
/// An SLA target was missed (published once per clock cycle): on a ticket's clock (<paramref name="TicketId"/>),
/// or on a live chat's first-response clock (<paramref name="ConversationId"/>: no agent accepted in time).
/// </summary>
public sealed record SlaBreached(Guid? TicketId, Guid? OrganizationId, SlaClockKind Clock, TicketPriority Priority, Guid? TeamId, Guid? AssigneeId, DateTime DueAt, DateTime At, Guid? ConversationId = null) : IDomainEvent;
