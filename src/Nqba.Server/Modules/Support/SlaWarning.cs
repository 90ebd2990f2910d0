using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>
/// 80 % of an SLA target has passed (published once per clock cycle): on a ticket's clock (<paramref name="TicketId"/>),
/// or on a live chat's first-response clock (<paramref name="ConversationId"/>: a visitor waiting for an agent).
/// </summary>
public sealed record SlaWarning(Guid? TicketId, Guid? OrganizationId, SlaClockKind Clock, TicketPriority Priority, Guid? TeamId, Guid? AssigneeId, DateTime DueAt, DateTime At, Guid? ConversationId = null) : IDomainEvent;
