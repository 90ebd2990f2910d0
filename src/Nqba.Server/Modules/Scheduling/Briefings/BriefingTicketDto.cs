using Nqba.Server.Modules.Support;

namespace Nqba.Server.Modules.Scheduling.Briefings;

/// <summary>An open support ticket of the client's organization, as the briefing lists it.</summary>
internal sealed record BriefingTicketDto(Guid TicketId, long Number, string Subject, TicketPriority Priority, string Status, DateTimeOffset OpenedAt);
