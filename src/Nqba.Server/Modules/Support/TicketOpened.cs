using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support;

/// <summary>A support ticket was opened on any channel.</summary>
public sealed record TicketOpened(Guid TicketId, Guid? OrganizationId, TicketPriority Priority, TicketChannel Channel, DateTime At) : IDomainEvent;
