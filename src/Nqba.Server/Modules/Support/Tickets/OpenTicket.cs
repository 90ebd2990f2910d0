namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// What opens a ticket, whatever the channel: the first message, who asked, for which organization. The chat
/// hand-over subscriber calls <see cref="TicketDesk.OpenAsync"/> with one of these (channel Chat, the transcript
/// as the message).
/// </summary>
internal sealed record OpenTicket(
    string Subject,
    string RequesterName,
    string? RequesterEmail,
    Guid? OrganizationId,
    NewMessage FirstMessage,
    TicketPriority Priority = TicketPriority.Normal,
    Guid? RequesterUserId = null,
    string? Language = null,
    string? RegionCode = null,
    string? TeamCode = null,
    string? Tags = null,
    DateTime? At = null);
