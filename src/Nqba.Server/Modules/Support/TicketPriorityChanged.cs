using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>A ticket's priority was changed (by staff, through the API or the ticket page).</summary>
public sealed record TicketPriorityChanged(Guid TicketId, Guid? OrganizationId, TicketPriority From, TicketPriority To, DateTime At) : IDomainEvent;
