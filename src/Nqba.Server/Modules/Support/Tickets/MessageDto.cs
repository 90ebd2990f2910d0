namespace Nqba.Server.Modules.Support.Tickets;

public sealed record MessageDto(
    Guid Id,
    TicketChannel Channel,
    MessageAuthor Author,
    string AuthorName,
    string Body,
    string? BodyHtml,
    bool Internal,
    DateTime At,
    CallDirection? CallDirection,
    int? CallSeconds,
    IReadOnlyList<AttachmentDto> Attachments);
